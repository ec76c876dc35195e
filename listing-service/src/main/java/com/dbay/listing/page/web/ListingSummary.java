package com.dbay.listing.page.web;

import com.dbay.platform.money.Doge;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A row of "my listings" and of the watchlist. {@code views} and {@code questionsWaiting} only for
 * the seller.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingSummary(
    String id,
    String title,
    String status,
    String format,
    Doge price,
    int bidCount,
    Instant startsAt,
    Instant endsAt,
    String thumbnailUrl,
    int watchers,
    Long views,
    Integer questionsWaiting,
    Instant createdAt) {}
