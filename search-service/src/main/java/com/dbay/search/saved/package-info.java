/**
 * Saved searches: a user's filters, kept as percolator queries so new listings are matched as they
 * are indexed.
 */
package com.dbay.search.saved;
