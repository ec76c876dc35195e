package com.dbay.listing.listing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts scheduled listings when their time comes and ends the expired ones the auction service
 * does not close (fixed price, auctions without bids). Every instance may run it: each listing is
 * changed under its row lock and the aggregate refuses a second start or end.
 */
@Component
class ListingClock {

  private static final Logger log = LoggerFactory.getLogger(ListingClock.class);

  private final ListingService listings;

  ListingClock(ListingService listings) {
    this.listings = listings;
  }

  @Scheduled(fixedDelayString = "${dbay.listing.clock-interval:5s}")
  void tick() {
    try {
      int changed = listings.runClock(200);
      if (changed > 0) {
        log.info("started or ended {} listings", changed);
      }
    } catch (RuntimeException e) {
      log.warn("listing clock failed: {}", e.toString());
    }
  }
}
