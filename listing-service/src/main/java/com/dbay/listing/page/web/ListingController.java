package com.dbay.listing.page.web;

import com.dbay.listing.listing.Listing;
import com.dbay.listing.listing.ListingForm;
import com.dbay.listing.listing.ListingService;
import com.dbay.listing.listing.ListingStatus;
import com.dbay.listing.shared.Refusal;
import com.dbay.listing.watch.WatchService;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.CurrentUser;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/listing")
class ListingController {

  record Items<T>(List<T> items) {}

  private final ListingService listings;
  private final ListingViews views;
  private final WatchService watches;

  ListingController(ListingService listings, ListingViews views, WatchService watches) {
    this.listings = listings;
    this.views = views;
    this.watches = watches;
  }

  /** The signed-in user's watchlist, most recently watched first. */
  @GetMapping({"/watchlist", "/watchlist/"})
  Items<ListingSummary> watchlist(@CurrentUser Identity user) {
    return new Items<>(views.summaries(watches.watched(user), false));
  }

  /** A new draft; nobody but the seller sees it until it is published. */
  @PostMapping({"/listings", "/listings/"})
  ResponseEntity<ListingView> create(@RequestBody ListingForm form, @CurrentUser Identity seller) {
    Listing listing = listings.createDraft(seller, form);
    return ResponseEntity.created(URI.create("/api/v1/listing/listings/" + listing.id()))
        .body(views.page(listing, seller));
  }

  @GetMapping("/listings/mine")
  Items<ListingSummary> mine(
      @RequestParam(required = false) String status, @CurrentUser Identity seller) {
    ListingStatus wanted = null;
    if (status != null && !status.isBlank()) {
      wanted =
          java.util.Arrays.stream(ListingStatus.values())
              .filter(s -> s.json().equals(status))
              .findFirst()
              .orElseThrow(
                  () ->
                      Refusal.invalid(
                          "status",
                          "must be one of draft, scheduled, active, ended, sold, cancelled"));
    }
    return new Items<>(views.summaries(listings.mine(seller, wanted), true));
  }

  @GetMapping("/listings/{id}")
  ListingView get(@PathVariable UUID id, @CurrentUser(required = false) Identity viewer) {
    return views.page(listings.view(id, viewer), viewer);
  }

  /** Replaces the whole form (a draft or scheduled listing; a live one while it has no bids). */
  @PutMapping("/listings/{id}")
  ListingView edit(
      @PathVariable UUID id, @RequestBody ListingForm form, @CurrentUser Identity seller) {
    return views.page(listings.edit(id, seller, form), seller);
  }

  @PostMapping("/listings/{id}/publish")
  ListingView publish(@PathVariable UUID id, @CurrentUser Identity seller) {
    return views.page(listings.publish(id, seller), seller);
  }

  /** Ends it early: only while it has no bids. */
  @PostMapping("/listings/{id}/end")
  ListingView end(@PathVariable UUID id, @CurrentUser Identity seller) {
    return views.page(listings.end(id, seller), seller);
  }
}
