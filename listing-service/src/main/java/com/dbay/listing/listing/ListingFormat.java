package com.dbay.listing.listing;

public enum ListingFormat {
  AUCTION,
  FIXED;

  public String json() {
    return name().toLowerCase();
  }
}
