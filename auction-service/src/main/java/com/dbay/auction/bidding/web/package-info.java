/** HTTP adapter of bidding: the auction view, placing bids, the public bid history. */
package com.dbay.auction.bidding.web;
