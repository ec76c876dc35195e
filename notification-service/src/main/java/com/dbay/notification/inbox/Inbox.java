package com.dbay.notification.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The notifications table (and the bidders of running auctions), in PostgreSQL. */
@Repository
public class Inbox {

  private final JdbcTemplate jdbc;

  public Inbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @return whether it was new: the same event, recipient and kind are stored once
   */
  public boolean add(Notification n, String eventId) {
    return jdbc.update(
            "insert into notifications (id, user_id, kind, title, body, link, event_id, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id, user_id, kind) do nothing",
            n.id(),
            n.userId(),
            n.kind(),
            n.title(),
            n.body(),
            n.link(),
            eventId,
            Timestamp.from(n.createdAt()))
        == 1;
  }

  /** Newest first; only the user's own. */
  public NotificationList page(String userId, int page, int size) {
    List<Notification> items =
        jdbc.query(
            "select * from notifications where user_id = ? order by created_at desc, id desc"
                + " limit ? offset ?",
            Inbox::row,
            userId,
            size,
            (long) page * size);
    Long total =
        jdbc.queryForObject(
            "select count(*) from notifications where user_id = ?", Long.class, userId);
    return new NotificationList(items, total == null ? 0 : total);
  }

  public long unreadCount(String userId) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from notifications where user_id = ? and read_at is null",
            Long.class,
            userId);
    return n == null ? 0 : n;
  }

  /**
   * @return false when the user has no such notification (another user's is never touched)
   */
  public boolean markRead(String userId, UUID id, Instant now) {
    int found =
        jdbc.update(
            "update notifications set read_at = coalesce(read_at, ?) where id = ? and user_id = ?",
            Timestamp.from(now),
            id,
            userId);
    return found == 1;
  }

  public int markAllRead(String userId, Instant now) {
    return jdbc.update(
        "update notifications set read_at = ? where user_id = ? and read_at is null",
        Timestamp.from(now),
        userId);
  }

  public void rememberBidder(String listingId, String userId) {
    jdbc.update(
        "insert into auction_bidders (listing_id, user_id) values (?, ?) on conflict do nothing",
        listingId,
        userId);
  }

  public List<String> bidders(String listingId) {
    return jdbc.queryForList(
        "select user_id from auction_bidders where listing_id = ? order by user_id",
        String.class,
        listingId);
  }

  public void forgetBidders(String listingId) {
    jdbc.update("delete from auction_bidders where listing_id = ?", listingId);
  }

  private static Notification row(ResultSet rs, int i) throws SQLException {
    Timestamp read = rs.getTimestamp("read_at");
    return new Notification(
        rs.getObject("id", UUID.class),
        rs.getString("user_id"),
        rs.getString("kind"),
        rs.getString("title"),
        rs.getString("body"),
        rs.getString("link"),
        rs.getTimestamp("created_at").toInstant(),
        read == null ? null : read.toInstant());
  }
}
