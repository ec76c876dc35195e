package com.dbay.listing.photo.web;

import com.dbay.listing.photo.PhotoService;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.CurrentUser;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PhotoController {

  record UploadRequest(String contentType, Long size) {}

  /**
   * PUT the file's bytes to {@code uploadUrl} with exactly these {@code headers}, before {@code
   * expiresAt}.
   */
  record UploadSlotView(
      String photoId,
      String status,
      String uploadUrl,
      String method,
      Map<String, String> headers,
      Instant expiresAt) {}

  record Order(List<UUID> order) {}

  private final PhotoService photos;

  PhotoController(PhotoService photos) {
    this.photos = photos;
  }

  @PostMapping("/api/v1/listing/listings/{id}/photos")
  @ResponseStatus(HttpStatus.CREATED)
  UploadSlotView requestUpload(
      @PathVariable UUID id, @RequestBody UploadRequest body, @CurrentUser Identity seller) {
    PhotoService.UploadSlot slot =
        photos.requestUpload(id, seller, body.contentType(), body.size());
    return new UploadSlotView(
        slot.photo().id().toString(),
        "pending",
        slot.upload().url(),
        "PUT",
        slot.upload().headers(),
        slot.expiresAt());
  }

  /**
   * The seller polls this after uploading: pending, ready (with its variant URLs) or rejected (with
   * why).
   */
  @GetMapping("/api/v1/listing/photos/{photoId}")
  PhotoView status(@PathVariable UUID photoId, @CurrentUser Identity seller) {
    return PhotoView.of(photos.get(photoId, seller), photos.variantSizes());
  }

  @DeleteMapping("/api/v1/listing/photos/{photoId}")
  ResponseEntity<Void> delete(@PathVariable UUID photoId, @CurrentUser Identity seller) {
    photos.delete(photoId, seller);
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/api/v1/listing/listings/{id}/photos/order")
  List<PhotoView> reorder(
      @PathVariable UUID id, @RequestBody Order body, @CurrentUser Identity seller) {
    return photos.reorder(id, seller, body.order()).stream()
        .map(p -> PhotoView.of(p, photos.variantSizes()))
        .toList();
  }

  /**
   * A ready photo's variant (re-encoded by image-processor, no metadata), cacheable for a long
   * time: it never changes.
   */
  @GetMapping("/api/v1/listing/photos/{photoId}/{size}.jpg")
  ResponseEntity<InputStreamResource> variant(@PathVariable UUID photoId, @PathVariable int size) {
    InputStream bytes = photos.variant(photoId, size);
    if (bytes == null) {
      throw com.dbay.listing.shared.Refusal.notFound("Photo " + photoId + " at " + size + " px");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_JPEG)
        .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic().immutable())
        .header("X-Content-Type-Options", "nosniff")
        .body(new InputStreamResource(bytes));
  }
}
