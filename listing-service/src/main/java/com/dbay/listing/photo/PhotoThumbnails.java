package com.dbay.listing.photo;

import com.dbay.listing.listing.ListingPictures;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The listing's thumbnail: its first ready photo's 300 px variant. */
@Component
class PhotoThumbnails implements ListingPictures {

  static final int THUMBNAIL = 300;

  private final Photos photos;

  PhotoThumbnails(Photos photos) {
    this.photos = photos;
  }

  @Override
  public Optional<String> thumbnailUrl(UUID listingId) {
    return photos
        .firstReady(listingId)
        .map(id -> "/api/v1/listing/photos/" + id + "/" + THUMBNAIL + ".jpg");
  }
}
