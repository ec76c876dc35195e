package com.dbay.listing.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.listing.listing.ListingService;
import com.dbay.listing.support.ListingServiceIT;
import com.dbay.platform.identity.Identity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * "Ending soon" for watchers, driven by the sweep's own time parameter (no waiting): each watcher
 * gets the hour notice and the ten-minute notice exactly once, measured from the current end after
 * a soft-close extension, even when sweeps run again or side by side.
 */
class EndingSoonIT extends ListingServiceIT {

  @Autowired EndingSoon endingSoon;
  @Autowired ListingService listings;

  final Identity seller = user("seller");
  final Identity bob = user("bob");
  final Identity carol = user("carol");
  final Identity late = user("late");

  @Test
  void each_watcher_is_told_an_hour_and_ten_minutes_before_the_current_end_once() throws Exception {
    String id = createPublished(phoneAuction(), seller);
    assertThat(put("/api/v1/listing/watchlist/" + id, null, bob).status()).isEqualTo(200);
    assertThat(put("/api/v1/listing/watchlist/" + id, null, carol).status()).isEqualTo(200);
    Instant end = endsAt(id);

    endingSoon.sweep(end.minus(Duration.ofMinutes(61)));
    assertThat(notices(id)).isEmpty();

    endingSoon.sweep(end.minus(Duration.ofMinutes(59)));
    assertThat(notices(id))
        .extracting(n -> n.path("userId").asString() + "/" + n.path("notice").asString())
        .containsExactlyInAnyOrder(bob.userId() + "/1h", carol.userId() + "/1h");
    JsonNode first = notices(id).getFirst();
    assertThat(first.path("listingTitle").asString())
        .isEqualTo("iPhone 15 Pro 256 GB, natural titanium");
    assertThat(first.path("remaining").asString()).isEqualTo("1 hour");
    assertThat(Instant.parse(first.path("endsAt").asString())).isEqualTo(end);

    // Again, later, and two sweeps at once (two instances, or a retry): nobody is told twice.
    endingSoon.sweep(end.minus(Duration.ofMinutes(30)));
    concurrently(end.minus(Duration.ofMinutes(20)));
    assertThat(notices(id)).hasSize(2);

    // A soft-close extension moves the end by 5 minutes: at old end - 9 min, 14 are left.
    Instant extended = end.plus(Duration.ofMinutes(5));
    listings.extended(UUID.fromString(id), extended);
    assertThat(endsAt(id)).isEqualTo(extended);
    endingSoon.sweep(end.minus(Duration.ofMinutes(9)));
    assertThat(notices(id)).hasSize(2);

    // Someone who starts watching inside the last ten minutes gets only the ten-minute notice.
    assertThat(put("/api/v1/listing/watchlist/" + id, null, late).status()).isEqualTo(200);
    concurrently(extended.minus(Duration.ofMinutes(9)));
    endingSoon.sweep(extended.minus(Duration.ofMinutes(8)));
    assertThat(notices(id))
        .extracting(n -> n.path("userId").asString() + "/" + n.path("notice").asString())
        .containsExactlyInAnyOrder(
            bob.userId() + "/1h",
            carol.userId() + "/1h",
            bob.userId() + "/10m",
            carol.userId() + "/10m",
            late.userId() + "/10m");
    JsonNode tenMinutes =
        notices(id).stream()
            .filter(n -> n.path("notice").asString().equals("10m"))
            .findFirst()
            .orElseThrow();
    assertThat(tenMinutes.path("remaining").asString()).isEqualTo("10 minutes");
    assertThat(Instant.parse(tenMinutes.path("endsAt").asString())).isEqualTo(extended);

    // After the end: nothing more.
    endingSoon.sweep(extended.plus(Duration.ofMinutes(1)));
    assertThat(notices(id)).hasSize(5);
    assertThat(count("select count(*) from ending_soon_notice where listing_id = ?::uuid", id))
        .isEqualTo(5);
  }

  @Test
  void fixed_price_listings_and_unwatched_auctions_tell_nobody() {
    String fixed =
        createPublished(
            with(
                with(
                    with(
                        with(with(phoneAuction(), "format", "fixed"), "startPrice", null),
                        "reservePrice",
                        null),
                    "buyItNowPrice",
                    null),
                "price",
                "350"),
            seller);
    String unwatched = createPublished(phoneAuction(), seller);
    String unwatchedAgain = createPublished(phoneAuction(), seller);
    put("/api/v1/listing/watchlist/" + fixed, null, bob);
    put("/api/v1/listing/watchlist/" + unwatchedAgain, null, bob);
    delete("/api/v1/listing/watchlist/" + unwatchedAgain, bob);
    for (String id : List.of(fixed, unwatched, unwatchedAgain)) {
      Instant end = endsAt(id);
      if (end != null) {
        endingSoon.sweep(end.minus(Duration.ofMinutes(5)));
      }
      assertThat(notices(id)).as(id).isEmpty();
    }
  }

  private void concurrently(Instant at) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> sweep = () -> endingSoon.sweep(at);
      List<Future<Integer>> runs = pool.invokeAll(List.of(sweep, sweep));
      for (Future<Integer> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private Instant endsAt(String id) {
    java.sql.Timestamp t =
        jdbc.queryForObject(
            "select ends_at from listing where id = ?::uuid", java.sql.Timestamp.class, id);
    return t == null ? null : t.toInstant();
  }

  private List<JsonNode> notices(String listingId) {
    return events(listingId).stream()
        .filter(e -> e.getKey().equals("WatchedAuctionEndingSoon"))
        .map(Map.Entry::getValue)
        .toList();
  }
}
