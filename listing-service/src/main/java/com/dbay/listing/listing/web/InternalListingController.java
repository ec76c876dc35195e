package com.dbay.listing.listing.web;

import com.dbay.listing.listing.Listing;
import com.dbay.listing.listing.ListingService;
import com.dbay.listing.listing.ListingSnapshot;
import com.dbay.listing.shared.Refusal;
import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.servicecall.InternalApi;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For other parts only: each endpoint names its signed callers ({@code @InternalApi}, rows in
 * platform/core dbay/internal-endpoints.tsv); never routed by the gateway.
 */
@RestController
@RequestMapping("/api/v1/listing/internal")
class InternalListingController {

  record Page(List<ListingSnapshot> items, String nextCursor) {}

  /** What the auction service needs to run the auction, including the hidden reserve. */
  record AuctionTerms(
      String listingId,
      String sellerId,
      String format,
      String status,
      Doge startPrice,
      Doge reservePrice,
      Doge buyItNowPrice,
      Instant startsAt,
      Instant endsAt,
      long version) {}

  private final ListingService listings;

  InternalListingController(ListingService listings) {
    this.listings = listings;
  }

  /**
   * Every published listing's snapshot in id order, a page at a time: rebuilding the search index.
   */
  @InternalApi(callers = {"search-service", "search-indexer"})
  @GetMapping("/listings")
  Page listings(
      @RequestParam(required = false) String after, @RequestParam(defaultValue = "500") int limit) {
    if (limit < 1 || limit > 1000) {
      throw Refusal.invalid("limit", "must be between 1 and 1000");
    }
    UUID cursor = null;
    if (after != null && !after.isBlank()) {
      try {
        cursor = UUID.fromString(after);
      } catch (IllegalArgumentException e) {
        throw Refusal.invalid("after", "is not a cursor this endpoint gave out");
      }
    }
    List<ListingSnapshot> items = listings.snapshotsAfter(cursor, limit);
    return new Page(items, items.size() < limit ? null : items.getLast().listingId());
  }

  @InternalApi(callers = "auction-service")
  @GetMapping("/auction-terms/{id}")
  AuctionTerms auctionTerms(@PathVariable UUID id) {
    Listing l = listings.visibleTo(id, "");
    return new AuctionTerms(
        l.id().toString(),
        l.sellerId(),
        l.content().format().json(),
        l.status().json(),
        l.content().startPrice(),
        l.content().reservePrice(),
        l.content().buyItNowPrice(),
        l.startsAt(),
        l.endsAt(),
        l.version());
  }
}
