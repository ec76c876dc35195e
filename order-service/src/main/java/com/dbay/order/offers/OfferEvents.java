package com.dbay.order.offers;

import com.dbay.platform.money.Doge;
import java.time.Instant;

/**
 * The events offers record, named as they travel on the bus (source dbay.order). Each detail
 * carries the buyer and the seller; {@code amount} is always the unit price the event is about (the
 * buyer's offer, or the seller's counter in {@code OfferCountered}); {@code by} is BUYER or SELLER
 * where either may act, so a notification goes to the other party.
 */
public final class OfferEvents {

  private OfferEvents() {}

  /** A buyer made an offer (the seller's "offer received"); its funds are held. */
  public record OfferMade(
      String offerId,
      String listingId,
      String buyerId,
      String sellerId,
      Doge amount,
      int quantity,
      Doge shippingCost,
      Doge total,
      Instant expiresAt) {}

  /** The seller asked {@code amount} per unit instead of the buyer's {@code offeredAmount}. */
  public record OfferCountered(
      String offerId,
      String listingId,
      String buyerId,
      String sellerId,
      Doge amount,
      Doge offeredAmount,
      int quantity,
      Instant expiresAt) {}

  /** Agreed at {@code amount} per unit; {@code orderId} is the order made from the held funds. */
  public record OfferAccepted(
      String offerId,
      String listingId,
      String buyerId,
      String sellerId,
      Doge amount,
      int quantity,
      String orderId,
      String by,
      Instant acceptedAt) {}

  public record OfferDeclined(
      String offerId,
      String listingId,
      String buyerId,
      String sellerId,
      Doge amount,
      String by,
      Instant declinedAt) {}

  /** Nobody answered within 48 hours; the hold is released. {@code by}: who did not answer. */
  public record OfferExpired(
      String offerId,
      String listingId,
      String buyerId,
      String sellerId,
      Doge amount,
      String awaiting,
      Instant expiredAt) {}

  public record OfferWithdrawn(
      String offerId, String listingId, String buyerId, String sellerId, Instant withdrawnAt) {}

  /**
   * The offer ended without an answer of either party: the seller countered another offer of the
   * same buyer ({@code reason} countered), or the listing sold out or ended before acceptance.
   */
  public record OfferVoided(
      String offerId,
      String listingId,
      String buyerId,
      String sellerId,
      String reason,
      Instant voidedAt) {}
}
