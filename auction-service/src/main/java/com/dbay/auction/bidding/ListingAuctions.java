package com.dbay.auction.bidding;

import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.events.EventPattern;
import com.dbay.platform.starter.events.EventSubscriber;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * Auctions follow their listings (source {@code dbay.listing}): a published auction listing opens
 * its auction on the listing's schedule, with the hidden reserve asked of listing-service (it is
 * never in an event); a listing its seller ended early or cancelled (only possible without bids)
 * ends its auction. Each event id is handled once (the platform's dedupe); opening twice changes
 * nothing either. Fields are read by name so that additions on the listing side break nothing.
 */
@Configuration(proxyBeanMethods = false)
class ListingAuctions {

  private static final Logger log = LoggerFactory.getLogger(ListingAuctions.class);

  @Bean
  EventSubscriber auctionListings(
      Auctions auctions, ListingTerms listingTerms, BiddingService bidding, Clock clock) {
    return EventSubscriber.of(
        "auction.listings",
        EventPattern.source("dbay.listing").detailType("ListingPublished", "ListingEnded"),
        event -> handle(event, auctions, listingTerms, bidding, clock));
  }

  static void handle(
      EventEnvelope event,
      Auctions auctions,
      ListingTerms listingTerms,
      BiddingService bidding,
      Clock clock) {
    JsonNode d = event.detail();
    if (!"auction".equalsIgnoreCase(d.path("format").asString(""))) {
      return;
    }
    String listingId = d.path("listingId").asString("");
    if (listingId.isBlank()) {
      return;
    }
    switch (event.detailType()) {
      case "ListingPublished" -> {
        ListingTerms.Terms terms = listingTerms.of(listingId);
        AuctionTerms auction =
            new AuctionTerms(
                listingId,
                terms.sellerId(),
                terms.startPrice(),
                Optional.ofNullable(terms.reservePrice()),
                Optional.ofNullable(terms.buyItNowPrice()),
                terms.startsAt(),
                terms.endsAt());
        if (auctions.open(auction)) {
          log.info("auction {} opened: {} to {}", listingId, auction.startsAt(), auction.endsAt());
        }
      }
      case "ListingEnded" -> {
        String status = d.path("status").asString("");
        // "sold"/"ended" after our own AuctionSold/AuctionUnsold come back here too: cancelling an
        // auction that already ended changes nothing, and one with bids is never cancelled.
        if (status.equals("ended") || status.equals("cancelled")) {
          CloseOutcome outcome = bidding.cancel(listingId, Instant.now(clock));
          if (outcome.endedNow()) {
            log.info("auction {} ended early by its seller", listingId);
          }
        }
      }
      default -> {}
    }
  }
}
