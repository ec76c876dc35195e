/**
 * Listing photos: presigned uploads straight to the object store, results from image-processor,
 * variants served.
 */
package com.dbay.listing.photo;
