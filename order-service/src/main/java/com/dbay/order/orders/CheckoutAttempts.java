package com.dbay.order.orders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Checkouts by Idempotency-Key ({@code checkout_attempt}), and undoing those a crash left. */
@Repository
public class CheckoutAttempts {

  record Attempt(String orderId, String listingId, int quantity, String status) {}

  /** A checkout whose order was never stored. */
  record Stale(String orderId, String listingId) {}

  private final JdbcTemplate jdbc;

  CheckoutAttempts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a new attempt under the buyer's key; false when the key already has one. */
  boolean begin(
      String orderId, String buyerId, String key, String listingId, int quantity, Instant now) {
    return jdbc.update(
            "INSERT INTO checkout_attempt (order_id, buyer_id, idempotency_key, listing_id, quantity,"
                + " status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)"
                + " ON CONFLICT (buyer_id, idempotency_key) DO NOTHING",
            orderId,
            buyerId,
            key,
            listingId,
            quantity,
            Timestamp.from(now),
            Timestamp.from(now))
        == 1;
  }

  Optional<Attempt> find(String buyerId, String key) {
    return jdbc
        .query(
            "SELECT order_id, listing_id, quantity, status FROM checkout_attempt"
                + " WHERE buyer_id = ? AND idempotency_key = ?",
            (rs, i) -> new Attempt(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
            buyerId,
            key)
        .stream()
        .findFirst();
  }

  /** An undone attempt tried again under the same key, as a new order id; false if not undone. */
  boolean retry(String buyerId, String key, String newOrderId, Instant now) {
    return jdbc.update(
            "UPDATE checkout_attempt SET order_id = ?, status = 'PENDING', created_at = ?, updated_at = ?"
                + " WHERE buyer_id = ? AND idempotency_key = ? AND status = 'UNDONE'",
            newOrderId,
            Timestamp.from(now),
            Timestamp.from(now),
            buyerId,
            key)
        == 1;
  }

  void finish(String orderId, String status, Instant now) {
    jdbc.update(
        "UPDATE checkout_attempt SET status = ?, updated_at = ? WHERE order_id = ? AND status = 'PENDING'",
        status,
        Timestamp.from(now),
        orderId);
  }

  /** PENDING attempts begun before {@code before} whose order does not exist. */
  List<Stale> stale(Instant before, int limit) {
    return jdbc.query(
        """
        SELECT a.order_id, a.listing_id FROM checkout_attempt a
        WHERE a.status = 'PENDING' AND a.created_at < ?
          AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = a.order_id)
        ORDER BY a.created_at LIMIT ?""",
        (rs, i) -> new Stale(rs.getString(1), rs.getString(2)),
        Timestamp.from(before),
        limit);
  }
}
