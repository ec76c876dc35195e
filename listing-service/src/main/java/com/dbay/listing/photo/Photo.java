package com.dbay.listing.photo;

import java.time.Instant;
import java.util.UUID;

/**
 * One photo of a listing: pending until image-processor reports, then ready (its variants exist) or
 * rejected.
 */
public record Photo(
    UUID id,
    UUID listingId,
    String sellerId,
    Status status,
    String declaredType,
    long declaredSize,
    int position,
    String rejectReason,
    Instant createdAt,
    Instant processedAt) {

  public enum Status {
    PENDING,
    READY,
    REJECTED
  }

  /** Where the browser uploads the original; image-processor derives the photo id from it. */
  public static String originalKey(UUID listingId, UUID photoId) {
    return "listings/" + listingId + "/" + photoId;
  }

  public static String variantKey(UUID listingId, UUID photoId, int size) {
    return "variants/" + listingId + "/" + photoId + "/" + size + ".jpg";
  }

  /** The variant's address on the public API (served by this service from the bucket). */
  public String url(int size) {
    return "/api/v1/listing/photos/" + id + "/" + size + ".jpg";
  }
}
