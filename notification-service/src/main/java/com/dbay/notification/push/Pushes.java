package com.dbay.notification.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue of pushes ({@code push_outbox}): one row per (event, subscription, kind), written in
 * the consumer's transaction for every browser the user subscribed, and delivered by {@link
 * PushSender} after the commit. A push therefore never holds up the event, the in-app row or the
 * email.
 */
@Service
public class Pushes {

  /** One queued push with what it takes to send it. */
  record Due(
      UUID id,
      UUID subscriptionId,
      String endpoint,
      String p256dh,
      String auth,
      String payload,
      int attempts) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Pushes(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Queues the notification for each of the user's browsers (none subscribed: nothing).
   *
   * @return how many pushes were queued
   */
  public int enqueue(
      String userId, String kind, String title, String body, String link, String eventId) {
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("title", title);
    payload.put("body", body);
    payload.put("link", link == null || link.isBlank() ? "/notifications" : link);
    payload.put("kind", kind);
    Timestamp now = Timestamp.from(clock.instant());
    int queued = 0;
    for (UUID subscription :
        jdbc.queryForList(
            "select id from push_subscriptions where user_id = ?", UUID.class, userId)) {
      queued +=
          jdbc.update(
              "insert into push_outbox (id, subscription_id, user_id, kind, payload, event_id,"
                  + " created_at, next_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
                  + " on conflict (event_id, subscription_id, kind) do nothing",
              UUID.randomUUID(),
              subscription,
              userId,
              kind,
              JSON.writeValueAsString(payload),
              eventId,
              now,
              now);
    }
    return queued;
  }

  List<UUID> due(Instant now, int limit) {
    return jdbc.queryForList(
        "select id from push_outbox where sent_at is null and next_at <= ? order by next_at"
            + " limit ?",
        UUID.class,
        Timestamp.from(now),
        limit);
  }

  /** Locks the row for this sender (another instance skips it); empty when done or taken. */
  Optional<Due> lock(UUID id) {
    return jdbc
        .query(
            "select o.id, o.subscription_id, o.payload, o.attempts, s.endpoint, s.p256dh, s.auth"
                + " from push_outbox o join push_subscriptions s on s.id = o.subscription_id"
                + " where o.id = ? and o.sent_at is null for update of o skip locked",
            (rs, i) ->
                new Due(
                    rs.getObject("id", UUID.class),
                    rs.getObject("subscription_id", UUID.class),
                    rs.getString("endpoint"),
                    rs.getString("p256dh"),
                    rs.getString("auth"),
                    rs.getString("payload"),
                    rs.getInt("attempts")),
            id)
        .stream()
        .findFirst();
  }

  void sent(UUID id, Instant now) {
    jdbc.update(
        "update push_outbox set sent_at = ?, outcome = 'SENT', attempts = attempts + 1 where id = ?",
        Timestamp.from(now),
        id);
  }

  void failed(UUID id, String error, Instant next, boolean giveUp, Instant now) {
    jdbc.update(
        "update push_outbox set attempts = attempts + 1, last_error = ?, next_at = ?,"
            + " sent_at = ?, outcome = ? where id = ?",
        error.length() > 500 ? error.substring(0, 500) : error,
        Timestamp.from(next),
        giveUp ? Timestamp.from(now) : null,
        giveUp ? "FAILED" : null,
        id);
  }
}
