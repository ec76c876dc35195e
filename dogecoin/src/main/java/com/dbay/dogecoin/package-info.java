/**
 * Dogecoin keys, addresses and legacy transactions, with bitcoinj as a key and transaction library
 * only.
 */
package com.dbay.dogecoin;
