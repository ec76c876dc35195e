/**
 * The listings index: its definition, the first index at start-up, and the rebuild with an alias
 * swap.
 */
package com.dbay.search.index;
