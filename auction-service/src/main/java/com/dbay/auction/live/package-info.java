/**
 * Live auctions: the hot state of each auction in Redis (served to readers, rebuilt from PostgreSQL
 * when missing) and the real-time frames published on Redis pub/sub after each commit ({@code
 * dbay:ws:auction:<id>}, {@code dbay:ws:user:<userId>}), which every gateway forwards to its
 * sockets.
 */
package com.dbay.auction.live;
