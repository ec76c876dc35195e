/**
 * The search feature's indexing code: the listings index definition, versioned upserts of listing
 * snapshots and auction updates, percolation of saved searches. One code path for the {@code
 * search-indexer} function (live events) and search-service (rebuild, index set-up); it lives under
 * {@code com.dbay.search} because it is search's own code, shared by search's two deployables, not
 * a dependency of one service on another.
 */
package com.dbay.search.indexing;
