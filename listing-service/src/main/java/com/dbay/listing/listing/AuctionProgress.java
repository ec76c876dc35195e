package com.dbay.listing.listing;

import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.events.EventPattern;
import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.events.EventSubscriber;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * Follows the auction service's events (source {@code dbay.auction}), so that a listing knows its
 * bids (the seller may no longer end or edit it), its current price and end for search, and how it
 * closed. Fields are read by name from {@code detail} so that additions on the auction side do not
 * break this consumer. Redelivered events are skipped by the platform's dedupe, and the aggregate
 * ignores reports older than what it knows (the bid count only grows).
 */
@Configuration(proxyBeanMethods = false)
class AuctionProgress {

  @Bean
  EventSubscriber listingAuctionProgress(ListingService listings) {
    return EventSubscriber.of(
        "listing.auction-progress",
        EventPattern.source("dbay.auction")
            .detailType("BidPlaced", "AuctionExtended", "AuctionSold", "AuctionUnsold"),
        event -> apply(listings, event));
  }

  static void apply(ListingService listings, EventEnvelope event) {
    JsonNode d = event.detail();
    UUID id;
    try {
      id = UUID.fromString(d.path("listingId").asString());
    } catch (IllegalArgumentException e) {
      return; // not one of ours
    }
    switch (event.detailType()) {
      case "BidPlaced" ->
          listings.bidsPlaced(
              id,
              d.path("bidCount").asInt(),
              Doge.parse(d.path("currentPrice").asString()),
              instant(d.path("endsAt")));
      case "AuctionExtended" -> listings.extended(id, instant(d.path("endsAt")));
      case "AuctionSold" ->
          listings.closed(
              id,
              true,
              d.hasNonNull("finalPrice") ? Doge.parse(d.path("finalPrice").asString()) : null);
      case "AuctionUnsold" -> listings.closed(id, false, null);
      default -> {}
    }
  }

  private static Instant instant(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull()
        ? null
        : Instant.parse(node.asString());
  }
}
