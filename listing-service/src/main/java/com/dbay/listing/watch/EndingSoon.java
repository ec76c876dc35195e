package com.dbay.listing.watch;

import com.dbay.platform.starter.events.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the watchers of an active auction that it ends soon: once when at most an hour is left and
 * once when at most ten minutes are, measured from the listing's <em>current</em> end (soft-close
 * extensions reach it through {@code AuctionExtended} / {@code BidPlaced}). Each notice is an event
 * {@code WatchedAuctionEndingSoon} (one per watcher, {@code userId} the recipient) through the
 * outbox, written in one transaction with its {@code ending_soon_notice} row, whose key (listing,
 * watcher, notice) lets exactly one through: a sweep that fails half-way, runs on two instances or
 * runs again after a restart inserts nothing twice, and an event exists exactly when its row does.
 *
 * <p>A watcher who starts watching inside the ten minutes gets only the ten-minute notice; one who
 * starts between an hour and ten minutes before gets the hour notice at once. The sweep takes the
 * time as a parameter, so tests drive it with the instants they choose.
 */
@Component
public class EndingSoon {

  private static final Logger log = LoggerFactory.getLogger(EndingSoon.class);

  public enum Notice {
    HOUR("1h", Duration.ofHours(1), "1 hour"),
    TEN_MINUTES("10m", Duration.ofMinutes(10), "10 minutes");

    final String code;
    final Duration before;
    final String words;

    Notice(String code, Duration before, String words) {
      this.code = code;
      this.before = before;
      this.words = words;
    }
  }

  record Due(UUID listingId, String userId, String title, Instant endsAt) {}

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;

  EndingSoon(JdbcClient jdbc, Outbox outbox, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${dbay.listing.ending-soon-interval:30s}")
  void tick() {
    try {
      int sent = sweep(clock.instant());
      if (sent > 0) {
        log.info("told {} watchers that an auction ends soon", sent);
      }
    } catch (RuntimeException e) {
      log.warn("ending-soon sweep failed (tried again next round): {}", e.toString());
    }
  }

  /**
   * Sends every notice due at {@code now}.
   *
   * @return how many notices were sent (events published)
   */
  public int sweep(Instant now) {
    int sent = 0;
    // The ten-minute notice first: a listing inside ten minutes that never had its hour notice
    // (watched late) gets only the one that still makes sense.
    for (Notice notice : List.of(Notice.TEN_MINUTES, Notice.HOUR)) {
      for (Due due : due(notice, now, 500)) {
        Integer one = transactions.execute(status -> send(due, notice, now));
        sent += one == null ? 0 : one;
      }
    }
    return sent;
  }

  /**
   * Watchers of active auctions whose current end is after {@code now} and at most {@code
   * notice.before} away, who have not had this notice (nor, for the hour one, the ten-minute one).
   */
  private List<Due> due(Notice notice, Instant now, int limit) {
    return jdbc.sql(
            "select l.id, w.user_id, l.title, l.ends_at from listing l"
                + " join watch w on w.listing_id = l.id"
                + " where l.status = 'ACTIVE' and l.format = 'AUCTION'"
                + " and l.ends_at > ? and l.ends_at <= ?"
                + " and not exists (select 1 from ending_soon_notice n where n.listing_id = l.id"
                + " and n.user_id = w.user_id and n.notice in (?, '10m'))"
                + " order by l.ends_at limit ?")
        .params(Timestamp.from(now), Timestamp.from(now.plus(notice.before)), notice.code, limit)
        .query(
            (rs, i) ->
                new Due(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  private int send(Due due, Notice notice, Instant now) {
    int inserted =
        jdbc.sql(
                "insert into ending_soon_notice (listing_id, user_id, notice, ends_at, sent_at)"
                    + " values (?, ?, ?, ?, ?) on conflict do nothing")
            .params(
                due.listingId(),
                due.userId(),
                notice.code,
                Timestamp.from(due.endsAt()),
                Timestamp.from(now))
            .update();
    if (inserted == 0) {
      return 0; // another sweep told them already
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("listingId", due.listingId().toString());
    detail.put("listingTitle", due.title());
    detail.put("userId", due.userId());
    detail.put("notice", notice.code);
    detail.put("remaining", notice.words);
    detail.put("endsAt", due.endsAt().toString());
    outbox.publish("WatchedAuctionEndingSoon", detail);
    return 1;
  }
}
