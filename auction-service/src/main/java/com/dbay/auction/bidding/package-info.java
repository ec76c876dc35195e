/**
 * Proxy bidding, reserve, Buy It Now and soft close: the auction aggregate and its rules, free of
 * Spring.
 */
package com.dbay.auction.bidding;
