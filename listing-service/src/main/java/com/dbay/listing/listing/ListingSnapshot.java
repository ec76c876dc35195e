package com.dbay.listing.listing;

import com.dbay.platform.money.Doge;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A listing as search and every other reader outside this service see it: the {@code detail} of
 * {@code ListingPublished}, {@code ListingChanged} and {@code ListingEnded}, and the rows of the
 * internal rebuild endpoint. The hidden reserve price is never in it. {@code version} grows with
 * every change, so a reader keeps the snapshot with the highest one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingSnapshot(
    String listingId,
    String sellerId,
    String sellerName,
    String title,
    String description,
    long categoryId,
    List<Long> categoryPath,
    String condition,
    String format,
    String status,
    Doge price,
    Doge startPrice,
    Doge buyItNowPrice,
    Integer quantity,
    Instant startsAt,
    Instant endsAt,
    Map<String, String> itemSpecifics,
    String thumbnailUrl,
    List<String> shipsTo,
    Doge shippingCost,
    int bidCount,
    Instant createdAt,
    long version) {}
