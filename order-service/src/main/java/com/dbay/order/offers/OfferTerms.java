package com.dbay.order.offers;

import com.dbay.platform.money.Doge;
import java.util.List;

/**
 * What listing-service says about a fixed-price listing for Best Offer (its internal offer terms):
 * the price, the units left, the shipping options and the seller's secret automatic answers.
 */
public record OfferTerms(
    String listingId,
    String sellerId,
    String title,
    String format,
    String status,
    Doge price,
    int quantityAvailable,
    boolean acceptsOffers,
    Doge autoAcceptPrice,
    Doge autoDeclinePrice,
    List<Shipping> shippingOptions) {

  public record Shipping(String service, Doge cost) {}

  public boolean active() {
    return "fixed".equals(format) && "active".equals(status);
  }
}
