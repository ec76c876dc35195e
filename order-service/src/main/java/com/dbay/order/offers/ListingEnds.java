package com.dbay.order.offers;

import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.events.EventPattern;
import com.dbay.platform.starter.events.EventSubscriber;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * Offers follow their listing (source {@code dbay.listing}): when it ends (sold out, ended by its
 * seller or its clock, cancelled) or has no unit left, the other buyers' open offers and counters
 * on it are voided at once and their holds released, instead of waiting for the 48 h expiry. Every
 * way a listing sells out (a checkout, an accepted offer, an auction) goes through listing-service,
 * which publishes {@code ListingEnded} (status sold) for the last unit, so this one consumer covers
 * them all. Each event id is handled once (the platform's dedupe); voiding again changes nothing.
 * Fields are read by name so that additions on the listing side break nothing.
 */
@Configuration(proxyBeanMethods = false)
class ListingEnds {

  @Bean
  EventSubscriber orderListingOffers(OfferService offers) {
    return EventSubscriber.of(
        "order.listing-offers",
        EventPattern.source("dbay.listing").detailType("ListingEnded", "ListingChanged"),
        event -> handle(event, offers));
  }

  static void handle(EventEnvelope event, OfferService offers) {
    JsonNode d = event.detail();
    String listingId = d.path("listingId").asString("");
    if (listingId.isBlank() || !"fixed".equalsIgnoreCase(d.path("format").asString(""))) {
      return;
    }
    String reason = reason(d.path("status").asString(""), d.path("quantity"));
    if (reason != null) {
      offers.voidOpenOffersOf(listingId, reason);
    }
  }

  /** Why the listing's open offers end (null: they don't; it is on sale with units left). */
  static String reason(String status, JsonNode quantity) {
    if (status.equals("sold") || (quantity.isNumber() && quantity.asInt() <= 0)) {
      return "sold-out";
    }
    if (status.equals("ended") || status.equals("cancelled")) {
      return "listing-not-active";
    }
    return null;
  }
}
