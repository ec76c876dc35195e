package com.dbay.listing.listing;

/** draft → scheduled/active → ended/sold/cancelled. */
public enum ListingStatus {
  DRAFT,
  SCHEDULED,
  ACTIVE,
  ENDED,
  SOLD,
  CANCELLED;

  public boolean isPublic() {
    return this != DRAFT;
  }

  public boolean isOpen() {
    return this == SCHEDULED || this == ACTIVE;
  }

  public String json() {
    return name().toLowerCase();
  }
}
