package com.dbay.listing.watch;

import com.dbay.listing.listing.Listing;
import com.dbay.listing.listing.ListingService;
import com.dbay.listing.shared.Refusal;
import com.dbay.platform.identity.Identity;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adding is idempotent (watching twice is watching), so is removing. */
@Service
public class WatchService {

  static final int MAX_WATCHED = 1000;

  private final Watches watches;
  private final ListingService listings;
  private final Clock clock;

  WatchService(Watches watches, ListingService listings, Clock clock) {
    this.watches = watches;
    this.listings = listings;
    this.clock = clock;
  }

  @Transactional
  public void watch(UUID listingId, Identity user) {
    Listing listing = listings.visibleTo(listingId, user.userId());
    if (!listing.status().isPublic()) {
      throw Refusal.notFound("Listing " + listingId);
    }
    if (listing.isSeller(user.userId())) {
      throw Refusal.invalid("listingId", "you cannot watch your own listing");
    }
    if (watches.countOf(user.userId()) >= MAX_WATCHED) {
      throw Refusal.invalid("listingId", "a watchlist holds at most " + MAX_WATCHED + " listings");
    }
    watches.add(user.userId(), listingId, clock.instant());
  }

  @Transactional
  public void unwatch(UUID listingId, Identity user) {
    watches.remove(user.userId(), listingId);
  }

  /** The user's watched listings they may still see, most recently watched first. */
  public List<Listing> watched(Identity user) {
    return watches.of(user.userId()).stream()
        .flatMap(
            id -> {
              try {
                return java.util.stream.Stream.of(listings.visibleTo(id, user.userId()));
              } catch (Refusal gone) {
                return java.util.stream.Stream.empty();
              }
            })
        .toList();
  }

  public boolean isWatching(UUID listingId, String userId) {
    return watches.exists(userId, listingId);
  }

  public int watchers(UUID listingId) {
    return watchers(List.of(listingId)).getOrDefault(listingId, 0);
  }

  public Map<UUID, Integer> watchers(Collection<UUID> listingIds) {
    return watches.watchers(listingIds);
  }
}
