package com.dbay.listing.listing;

import com.dbay.platform.money.Doge;

/**
 * A fixed-price listing that takes offers (order-service's Best Offer), with the seller's optional
 * automatic answers: an offer at or above {@code autoAccept} is accepted at once, one below {@code
 * autoDecline} is refused. Both are the seller's secret: only the seller's page and order-service's
 * internal offer terms carry them. {@code autoDecline < autoAccept < price} ({@link ListingForm}).
 */
public record BestOffer(Doge autoAccept, Doge autoDecline) {}
