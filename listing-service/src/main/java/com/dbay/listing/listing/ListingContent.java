package com.dbay.listing.listing;

import com.dbay.platform.money.Doge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a seller wrote, already checked against the rules ({@link ListingForm}): the part of a
 * listing that a draft edit replaces. For a fixed-price listing {@code startPrice} is its price.
 * {@code bestOffer} null: the listing takes no offers.
 */
public record ListingContent(
    String title,
    String description,
    ItemCondition condition,
    long categoryId,
    Map<String, String> itemSpecifics,
    ListingFormat format,
    Doge startPrice,
    Doge reservePrice,
    Doge buyItNowPrice,
    int quantity,
    Duration duration,
    Instant scheduledStart,
    List<ShippingOption> shipping,
    List<String> shipsTo,
    BestOffer bestOffer) {

  public ListingContent {
    itemSpecifics = Map.copyOf(itemSpecifics);
    shipping = List.copyOf(shipping);
    shipsTo = List.copyOf(shipsTo);
  }
}
