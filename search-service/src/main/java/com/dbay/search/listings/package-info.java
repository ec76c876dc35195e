/**
 * Searching listings: validated parameters, the query built from them, facets, cursors,
 * suggestions, caching.
 */
package com.dbay.search.listings;
