package com.dbay.listing.listing;

import java.util.Optional;
import java.util.UUID;

/**
 * What the listing needs to know of its photos (the photo feature answers): the thumbnail search
 * shows.
 */
public interface ListingPictures {

  Optional<String> thumbnailUrl(UUID listingId);
}
