package com.dbay.notification.preferences;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The choices users made that differ from the defaults (table notification_preferences). */
@Repository
class PreferenceStore {

  record Choice(String kind, String channel, boolean enabled) {}

  private final JdbcTemplate jdbc;

  PreferenceStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Choice> of(String userId) {
    return jdbc.query(
        "select kind, channel, enabled from notification_preferences where user_id = ?",
        (rs, i) ->
            new Choice(rs.getString("kind"), rs.getString("channel"), rs.getBoolean("enabled")),
        userId);
  }

  Optional<Boolean> chosen(String userId, String kind, String channel) {
    List<Boolean> found =
        jdbc.queryForList(
            "select enabled from notification_preferences where user_id = ? and kind = ? and channel = ?",
            Boolean.class,
            userId,
            kind,
            channel);
    return found.stream().findFirst();
  }

  void set(String userId, String kind, String channel, boolean enabled, Instant at) {
    jdbc.update(
        "insert into notification_preferences (user_id, kind, channel, enabled, updated_at)"
            + " values (?, ?, ?, ?, ?) on conflict (user_id, kind, channel)"
            + " do update set enabled = excluded.enabled, updated_at = excluded.updated_at",
        userId,
        kind,
        channel,
        enabled,
        Timestamp.from(at));
  }
}
