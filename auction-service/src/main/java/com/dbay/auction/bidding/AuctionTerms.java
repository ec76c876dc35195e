package com.dbay.auction.bidding;

import com.dbay.platform.money.Doge;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the seller fixed when the auction listing was published. The reserve stays hidden from
 * everyone but the seller; only whether it is met is public.
 */
public record AuctionTerms(
    String listingId,
    String sellerId,
    Doge startPrice,
    Optional<Doge> reserve,
    Optional<Doge> buyItNow,
    Instant startsAt,
    Instant endsAt) {

  public AuctionTerms {
    Objects.requireNonNull(listingId, "listingId");
    Objects.requireNonNull(sellerId, "sellerId");
    Objects.requireNonNull(startPrice, "startPrice");
    reserve = reserve == null ? Optional.empty() : reserve;
    buyItNow = buyItNow == null ? Optional.empty() : buyItNow;
    if (!startPrice.isPositive()) {
      throw new IllegalArgumentException("the start price must be positive");
    }
    if (reserve.isPresent() && reserve.get().isLessThan(startPrice)) {
      throw new IllegalArgumentException("the reserve must not be below the start price");
    }
    if (buyItNow.isPresent() && !buyItNow.get().isGreaterThan(startPrice)) {
      throw new IllegalArgumentException("Buy It Now must be above the start price");
    }
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("an auction must end after it starts");
    }
  }
}
