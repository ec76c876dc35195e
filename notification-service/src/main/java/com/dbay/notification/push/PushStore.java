package com.dbay.notification.push;

import com.interaso.webpush.VapidKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The VAPID key row and the push subscriptions, in PostgreSQL. */
@Repository
class PushStore {

  private final JdbcTemplate jdbc;

  PushStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<VapidKeys> vapidKeys() {
    return jdbc.query(
        "select public_key, private_key from push_vapid_keys where id = 1",
        (rs, i) -> VapidKeys.create(rs.getString("public_key"), rs.getString("private_key")));
  }

  /** Keeps these keys unless another instance stored its own first. */
  void keepVapidKeys(VapidKeys keys, Instant now) {
    jdbc.update(
        "insert into push_vapid_keys (id, public_key, private_key, created_at) values (1, ?, ?, ?)"
            + " on conflict (id) do nothing",
        keys.getX509PublicKey(),
        keys.getPkcs8PrivateKey(),
        Timestamp.from(now));
  }

  PushSubscriptions.Subscription save(
      String userId, String endpoint, String p256dh, String auth, Instant now) {
    jdbc.update(
        "insert into push_subscriptions (id, user_id, endpoint, p256dh, auth, created_at)"
            + " values (?, ?, ?, ?, ?, ?) on conflict (endpoint) do update set user_id ="
            + " excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth",
        UUID.randomUUID(),
        userId,
        endpoint,
        p256dh,
        auth,
        Timestamp.from(now));
    return jdbc.queryForObject(
        "select * from push_subscriptions where endpoint = ?", PushStore::row, endpoint);
  }

  boolean delete(String userId, String endpoint) {
    return jdbc.update(
            "delete from push_subscriptions where user_id = ? and endpoint = ?", userId, endpoint)
        == 1;
  }

  void delete(UUID id) {
    jdbc.update("delete from push_subscriptions where id = ?", id);
  }

  List<PushSubscriptions.Subscription> of(String userId) {
    return jdbc.query(
        "select * from push_subscriptions where user_id = ? order by created_at, id",
        PushStore::row,
        userId);
  }

  private static PushSubscriptions.Subscription row(ResultSet rs, int i) throws SQLException {
    return new PushSubscriptions.Subscription(
        rs.getObject("id", UUID.class),
        rs.getString("user_id"),
        rs.getString("endpoint"),
        rs.getString("p256dh"),
        rs.getString("auth"),
        rs.getTimestamp("created_at").toInstant());
  }
}
