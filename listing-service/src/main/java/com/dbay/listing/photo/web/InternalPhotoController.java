package com.dbay.listing.photo.web;

import com.dbay.listing.photo.PhotoService;
import com.dbay.listing.shared.Refusal;
import com.dbay.platform.starter.servicecall.InternalApi;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** image-processor reports each photo's outcome here (allow-listed: image-processor only). */
@RestController
class InternalPhotoController {

  record Result(String status, String reason) {}

  private final PhotoService photos;

  InternalPhotoController(PhotoService photos) {
    this.photos = photos;
  }

  @InternalApi(callers = "image-processor")
  @PostMapping("/api/v1/listing/internal/photos/{photoId}/result")
  PhotoView result(@PathVariable UUID photoId, @RequestBody Result body) {
    if (!"ready".equals(body.status()) && !"rejected".equals(body.status())) {
      throw Refusal.invalid("status", "must be ready or rejected");
    }
    return PhotoView.of(
        photos.processed(photoId, "ready".equals(body.status()), body.reason()),
        photos.variantSizes());
  }
}
