package com.dbay.listing.photo;

import com.dbay.listing.listing.Listing;
import com.dbay.listing.listing.ListingService;
import com.dbay.listing.shared.FieldErrors;
import com.dbay.listing.shared.Refusal;
import com.dbay.platform.identity.Identity;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A seller asks for an upload slot (a presigned PUT for one photo of declared type and size), the
 * browser uploads straight to the bucket, image-processor checks the bytes and writes the variants,
 * and reports back here: the photo becomes ready (the listing shows it) or rejected (nothing is
 * kept).
 */
@Service
public class PhotoService {

  private static final Logger log = LoggerFactory.getLogger(PhotoService.class);

  public record UploadSlot(Photo photo, ObjectStore.Upload upload, Instant expiresAt) {}

  private final Photos photos;
  private final ListingService listings;
  private final ObjectStore store;
  private final PhotoProperties properties;
  private final Clock clock;

  PhotoService(
      Photos photos,
      ListingService listings,
      ObjectStore store,
      PhotoProperties properties,
      Clock clock) {
    this.photos = photos;
    this.listings = listings;
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public UploadSlot requestUpload(UUID listingId, Identity seller, String contentType, Long size) {
    // Locks the listing row: two concurrent requests cannot both take the twelfth place.
    Listing listing = listings.ownedForChange(listingId, seller);
    if (!listing.status().isOpen()
        && listing.status() != com.dbay.listing.listing.ListingStatus.DRAFT) {
      throw Refusal.wrongState(
          "listing-closed",
          "Photos cannot be added to a listing that has " + listing.status().json() + ".");
    }
    FieldErrors errors = new FieldErrors();
    if (contentType == null || !PhotoProperties.CONTENT_TYPES.contains(contentType)) {
      errors.add("contentType", "must be one of " + PhotoProperties.CONTENT_TYPES);
    }
    if (size == null || size < 1) {
      errors.add("size", "is required: the file's size in bytes");
    } else if (size > properties.maxBytes().toBytes()) {
      errors.add("size", "must be at most " + properties.maxBytes().toMegabytes() + " MB");
    }
    if (photos.countKept(listingId) >= properties.maxPerListing()) {
      errors.add("photos", "a listing has at most " + properties.maxPerListing() + " photos");
    }
    errors.throwIfAny();
    Instant now = clock.instant();
    Photo photo =
        new Photo(
            UUID.randomUUID(),
            listingId,
            seller.userId(),
            Photo.Status.PENDING,
            contentType,
            size,
            photos.nextPosition(listingId),
            null,
            now,
            null);
    photos.insert(photo);
    ObjectStore.Upload upload =
        store.presignPut(
            Photo.originalKey(listingId, photo.id()),
            contentType,
            size,
            properties.uploadUrlValidity());
    return new UploadSlot(photo, upload, now.plus(properties.uploadUrlValidity()));
  }

  /**
   * image-processor's report. Ready: the listing shows the photo (and search gets the thumbnail).
   * Rejected: whatever is left of it in the bucket is deleted. A repeated report changes nothing.
   */
  @Transactional
  public Photo processed(UUID photoId, boolean ready, String reason) {
    Photo photo = photos.find(photoId).orElseThrow(() -> Refusal.notFound("Photo " + photoId));
    String why = reason == null ? null : reason.substring(0, Math.min(reason.length(), 200));
    if (photos.settle(
        photoId,
        ready ? Photo.Status.READY : Photo.Status.REJECTED,
        ready ? null : why,
        clock.instant())) {
      if (ready) {
        listings.picturesChanged(photo.listingId());
      } else {
        afterCommit(() -> deleteObjects(photo));
      }
    }
    return photos.find(photoId).orElseThrow();
  }

  @Transactional
  public void delete(UUID photoId, Identity seller) {
    Photo photo = photos.find(photoId).orElseThrow(() -> Refusal.notFound("Photo " + photoId));
    listings.ownedForChange(photo.listingId(), seller);
    photos.delete(photoId);
    if (photo.status() == Photo.Status.READY) {
      listings.picturesChanged(photo.listingId());
    }
    afterCommit(() -> deleteObjects(photo));
  }

  /**
   * The seller's new order of the listing's photos (every kept photo, each once); the first is the
   * thumbnail.
   */
  @Transactional
  public List<Photo> reorder(UUID listingId, Identity seller, List<UUID> order) {
    listings.ownedForChange(listingId, seller);
    List<Photo> kept = photos.ofListing(listingId);
    if (order == null
        || order.size() != kept.size()
        || !new HashSet<>(order).equals(new HashSet<>(kept.stream().map(Photo::id).toList()))) {
      throw Refusal.invalid(
          "order", "must list each of the listing's " + kept.size() + " photos once");
    }
    for (int i = 0; i < order.size(); i++) {
      photos.setPosition(order.get(i), i);
    }
    listings.picturesChanged(listingId);
    return photos.ofListing(listingId);
  }

  public List<Photo> ofListing(UUID listingId) {
    return photos.ofListing(listingId);
  }

  /** The bytes of a ready photo's variant, or null. */
  public InputStream variant(UUID photoId, int size) {
    if (!properties.variantSizes().contains(size)) {
      return null;
    }
    return photos
        .find(photoId)
        .filter(p -> p.status() == Photo.Status.READY)
        .map(p -> store.open(Photo.variantKey(p.listingId(), p.id(), size)))
        .orElse(null);
  }

  /** The listing's thumbnail (its first ready photo), or null. */
  public String thumbnailUrl(UUID listingId) {
    return photos
        .firstReady(listingId)
        .map(id -> "/api/v1/listing/photos/" + id + "/" + PhotoThumbnails.THUMBNAIL + ".jpg")
        .orElse(null);
  }

  public Photo get(UUID photoId, Identity seller) {
    Photo photo = photos.find(photoId).orElseThrow(() -> Refusal.notFound("Photo " + photoId));
    if (!photo.sellerId().equals(seller.userId())) {
      throw Refusal.notFound("Photo " + photoId);
    }
    return photo;
  }

  public List<Integer> variantSizes() {
    return properties.variantSizes();
  }

  private void deleteObjects(Photo photo) {
    try {
      store.delete(Photo.originalKey(photo.listingId(), photo.id()));
      for (String key : store.keysUnder("variants/" + photo.listingId() + "/" + photo.id() + "/")) {
        store.delete(key);
      }
    } catch (RuntimeException e) {
      log.warn("could not delete the objects of photo {}: {}", photo.id(), e.toString());
    }
  }

  private static void afterCommit(Runnable action) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }
}
