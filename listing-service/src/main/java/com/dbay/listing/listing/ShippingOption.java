package com.dbay.listing.listing;

import com.dbay.platform.money.Doge;

/** A way the seller ships the item and what the buyer pays for it (zero: free shipping). */
public record ShippingOption(String service, Doge cost) {}
