package com.dbay.listing.watch.web;

import com.dbay.listing.listing.Listing;
import com.dbay.listing.listing.ListingService;
import com.dbay.listing.listing.web.ListingSummary;
import com.dbay.listing.listing.web.ListingViews;
import com.dbay.listing.shared.Refusal;
import com.dbay.listing.watch.WatchService;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WatchController {

  record Items(List<ListingSummary> items) {}

  record Watching(String listingId, boolean watching, int watchers) {}

  private final WatchService watches;
  private final ListingService listings;
  private final ListingViews views;

  WatchController(WatchService watches, ListingService listings, ListingViews views) {
    this.watches = watches;
    this.listings = listings;
    this.views = views;
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

  @GetMapping({"/api/v1/listing/watchlist", "/api/v1/listing/watchlist/"})
  Items list(@CurrentUser Identity user) {
    List<Listing> watched = new ArrayList<>();
    for (UUID id : watches.watched(user)) {
      try {
        watched.add(listings.visibleTo(id, user.userId()));
      } catch (Refusal gone) {
        // a listing that went back out of view is left out
      }
    }
    return new Items(views.summaries(watched, false));
  }
}
