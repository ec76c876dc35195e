package com.dbay.order.orders;

import com.dbay.platform.money.Doge;

/**
 * Units of fixed-price listings, owned by listing-service: taken for an order once per order id
 * (asking again answers the same purchase), and given back once when the order's payment fails.
 */
public interface ListingPurchases {

  /** What an order bought: the seller, the units and what they cost with shipping. */
  record Purchase(
      String orderId,
      String listingId,
      String sellerId,
      String title,
      int quantity,
      Doge unitPrice,
      String shippingService,
      Doge shippingCost,
      Doge total) {}

  /**
   * Takes the units; refused as a 4xx problem (sold out, not enough left, not active, the buyer's
   * own listing) with nothing taken. {@code unitPrice} null: the listing's price.
   */
  Purchase take(
      String listingId,
      String orderId,
      String buyerId,
      int quantity,
      Doge unitPrice,
      String shippingService);

  /** Gives the order's units back (its payment failed); a repeat changes nothing. */
  void giveBack(String listingId, String orderId);
}
