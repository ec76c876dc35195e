package com.dbay.listing.watch.web;

import com.dbay.listing.watch.WatchService;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.CurrentUser;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Watch and unwatch; the watchlist itself is a page of listings ({@code
 * page.web.ListingController}).
 */
@RestController
class WatchController {

  record Watching(String listingId, boolean watching, int watchers) {}

  private final WatchService watches;

  WatchController(WatchService watches) {
    this.watches = watches;
  }

  @PutMapping("/api/v1/listing/watchlist/{listingId}")
  Watching watch(@PathVariable UUID listingId, @CurrentUser Identity user) {
    watches.watch(listingId, user);
    return new Watching(listingId.toString(), true, watches.watchers(listingId));
  }

  @DeleteMapping("/api/v1/listing/watchlist/{listingId}")
  ResponseEntity<Void> unwatch(@PathVariable UUID listingId, @CurrentUser Identity user) {
    watches.unwatch(listingId, user);
    return ResponseEntity.noContent().build();
  }
}
