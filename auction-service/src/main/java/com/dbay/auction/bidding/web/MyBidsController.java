package com.dbay.auction.bidding.web;

import com.dbay.auction.bidding.Auctions.MyBid;
import com.dbay.auction.bidding.BiddingService;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own bidding: auctions leading, outbid, won and lost. */
@RestController
@RequestMapping("/api/v1/auction/my")
class MyBidsController {

  private final BiddingService bidding;

  MyBidsController(BiddingService bidding) {
    this.bidding = bidding;
  }

  record MyBids(List<MyBid> items) {}

  @GetMapping("/bids")
  MyBids myBids(@CurrentUser Identity me) {
    return new MyBids(bidding.myBids(me.userId(), 200));
  }
}
