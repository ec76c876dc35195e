package com.dbay.listing.page.web;

import com.dbay.platform.money.Doge;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A listing on its page. {@code reservePrice} and {@code views} are in it for the seller only; the
 * reserve is never shown to anyone else (buyers learn only whether it is met, from the auction).
 * Best Offer: {@code acceptsOffers} for everyone (fixed price only); the automatic accept and
 * decline prices for the seller only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingView(
    String id,
    String sellerId,
    String sellerName,
    String title,
    String description,
    String condition,
    long categoryId,
    List<CategoryStep> categoryPath,
    String format,
    String status,
    Doge price,
    Doge startPrice,
    Doge reservePrice,
    Doge buyItNowPrice,
    Integer quantity,
    Integer quantityAvailable,
    Long durationDays,
    Long durationMinutes,
    Instant scheduledStart,
    Instant startsAt,
    Instant endsAt,
    Instant endedAt,
    Map<String, String> itemSpecifics,
    List<Shipping> shippingOptions,
    List<String> shipsTo,
    List<com.dbay.listing.photo.web.PhotoView> photos,
    String thumbnailUrl,
    int bidCount,
    boolean hasBids,
    int watchers,
    Boolean watching,
    Long views,
    List<com.dbay.listing.question.web.QuestionView> questions,
    Instant createdAt,
    Instant updatedAt,
    long version,
    Boolean acceptsOffers,
    Doge autoAcceptPrice,
    Doge autoDeclinePrice) {

  public record CategoryStep(long id, String name) {}

  public record Shipping(String service, Doge cost) {}
}
