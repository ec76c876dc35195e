/**
 * Closing: which auctions are due, ending each exactly once (through the bidding feature's {@code
 * BiddingService.close}), and the outcome settlement reads. Called by the auction-closer and
 * auction-settlement functions over internal endpoints.
 */
package com.dbay.auction.closing;
