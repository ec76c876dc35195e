package com.dbay.notification.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The users' addresses and the notifications waiting to be mailed. */
@Repository
class MailStore {

  record Pending(UUID id, String kind, String title, String body, String link, Instant createdAt) {}

  private final JdbcTemplate jdbc;

  MailStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void rememberAddress(String userId, String email, Instant at) {
    jdbc.update(
        "insert into contacts (user_id, email, updated_at) values (?, ?, ?) on conflict (user_id)"
            + " do update set email = excluded.email, updated_at = excluded.updated_at"
            + " where contacts.email <> excluded.email",
        userId,
        email,
        Timestamp.from(at));
  }

  Optional<String> address(String userId) {
    return jdbc
        .queryForList("select email from contacts where user_id = ?", String.class, userId)
        .stream()
        .findFirst();
  }

  void enqueue(
      String userId,
      String kind,
      String title,
      String body,
      String link,
      String eventId,
      Instant at) {
    jdbc.update(
        "insert into email_outbox (id, user_id, kind, title, body, link, event_id, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id, user_id, kind) do nothing",
        UUID.randomUUID(),
        userId,
        kind,
        title,
        body,
        link,
        eventId,
        Timestamp.from(at));
  }

  /** Users whose oldest waiting notification is older than {@code dueBefore}. */
  List<String> usersDue(Instant dueBefore, int limit) {
    return jdbc.queryForList(
        "select user_id from email_outbox where sent_at is null group by user_id"
            + " having min(created_at) <= ? order by min(created_at) limit ?",
        String.class,
        Timestamp.from(dueBefore),
        limit);
  }

  /** The user's waiting rows, locked (another instance's sender skips them). */
  List<Pending> lockPending(String userId) {
    return jdbc.query(
        "select * from email_outbox where user_id = ? and sent_at is null order by created_at, id"
            + " for update skip locked",
        MailStore::row,
        userId);
  }

  void markDone(List<UUID> ids, String outcome, String messageId, Instant at) {
    for (UUID id : ids) {
      jdbc.update(
          "update email_outbox set sent_at = ?, outcome = ?, message_id = ? where id = ?",
          Timestamp.from(at),
          outcome,
          messageId,
          id);
    }
  }

  private static Pending row(ResultSet rs, int i) throws SQLException {
    return new Pending(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        rs.getString("title"),
        rs.getString("body"),
        rs.getString("link"),
        rs.getTimestamp("created_at").toInstant());
  }
}
