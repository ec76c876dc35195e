/**
 * DOGE amounts as exact integers of koinu, and their one JSON form: a decimal string with 8 places.
 */
package com.dbay.platform.money;
