package com.dbay.listing.photo.web;

import com.dbay.listing.photo.Photo;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A photo as the API shows it: {@code urls} by size once ready, {@code rejectReason} once rejected.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoView(
    String id, String status, int position, Map<String, String> urls, String rejectReason) {

  public static PhotoView of(Photo p, List<Integer> sizes) {
    Map<String, String> urls = null;
    if (p.status() == Photo.Status.READY) {
      urls = new LinkedHashMap<>();
      for (int size : sizes) {
        urls.put(String.valueOf(size), p.url(size));
      }
    }
    return new PhotoView(
        p.id().toString(), p.status().name().toLowerCase(), p.position(), urls, p.rejectReason());
  }
}
