package com.dbay.listing.watch;

import com.dbay.listing.listing.Listing;
import com.dbay.listing.listing.ListingService;
import com.dbay.listing.shared.Refusal;
import com.dbay.platform.identity.Identity;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adding is idempotent (watching twice is watching), so is removing. */
@Service
public class WatchService {

  static final int MAX_WATCHED = 1000;

  private final JdbcClient jdbc;
  private final ListingService listings;
  private final Clock clock;

  WatchService(JdbcClient jdbc, ListingService listings, Clock clock) {
    this.jdbc = jdbc;
    this.listings = listings;
    this.clock = clock;
  }

  @Transactional
  public void watch(UUID listingId, Identity user) {
    Listing listing = listings.visibleTo(listingId, user.userId());
    if (listing.isSeller(user.userId())) {
      throw Refusal.invalid("listingId", "you cannot watch your own listing");
    }
    if (!listing.status().isPublic()) {
      throw Refusal.notFound("Listing " + listingId);
    }
    if (count(user.userId()) >= MAX_WATCHED) {
      throw Refusal.invalid("listingId", "a watchlist holds at most " + MAX_WATCHED + " listings");
    }
    jdbc.sql("insert into watch (user_id, listing_id, created_at) values (?, ?, ?) on conflict do nothing")
        .params(user.userId(), listingId, Timestamp.from(clock.instant())).update();
  }

  @Transactional
  public void unwatch(UUID listingId, Identity user) {
    jdbc.sql("delete from watch where user_id = ? and listing_id = ?").params(user.userId(), listingId).update();
  }

  /** The user's watched listing ids, most recently watched first. */
  public List<UUID> watched(Identity user) {
    return jdbc.sql("select listing_id from watch where user_id = ? order by created_at desc").param(user.userId())
        .query(UUID.class).list();
  }

  public boolean isWatching(UUID listingId, String userId) {
    return jdbc.sql("select count(*) from watch where user_id = ? and listing_id = ?").params(userId, listingId)
        .query(Integer.class).single() > 0;
  }

  public int watchers(UUID listingId) {
    return watchers(List.of(listingId)).getOrDefault(listingId, 0);
  }

  public Map<UUID, Integer> watchers(Collection<UUID> listingIds) {
    Map<UUID, Integer> out = new HashMap<>();
    if (listingIds.isEmpty()) {
      return out;
    }
    jdbc.sql("select listing_id, count(*) from watch where listing_id = any(?) group by listing_id")
        .param(listingIds.toArray(UUID[]::new))
        .query(rs -> {
          out.put(rs.getObject(1, UUID.class), rs.getInt(2));
        });
    return out;
  }

  private int count(String userId) {
    return jdbc.sql("select count(*) from watch where user_id = ?").param(userId).query(Integer.class).single();
  }
}
