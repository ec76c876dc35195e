package com.dbay.order.offers;

import com.dbay.order.orders.ShippingAddress;
import com.dbay.platform.money.Doge;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Offers in the service's PostgreSQL ({@code offers}, {@code offer_steps}). */
@Repository
class Offers {

  private static final String COLUMNS =
      "id, listing_id, buyer_id, seller_id, quantity, amount, counter_amount, shipping_service,"
          + " shipping_cost, shipping_address, message, status, expires_at, order_id, accepted_by,"
          + " end_reason, hold_open, created_at, updated_at";

  /** What a buyer's Idempotency-Key stands for: its offer and how it was made. */
  record Attempt(String offerId, String listingId, int quantity, Doge amount) {}

  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  Offers(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Serialises one buyer's offers on one listing until the transaction ends (the limit check). */
  void lockBuyerOnListing(String buyerId, String listingId) {
    jdbc.query(
        "SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))",
        (org.springframework.jdbc.core.RowCallbackHandler) rs -> {},
        buyerId,
        listingId);
  }

  /** Offers the buyer made on the listing that counted (everything but a refused hold). */
  int madeBy(String buyerId, String listingId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM offers WHERE buyer_id = ? AND listing_id = ? AND status <> 'FAILED'",
        Integer.class,
        buyerId,
        listingId);
  }

  /** Inserts a new offer under the buyer's key; false when the key already has one. */
  boolean insert(Offer o, String key) {
    return jdbc.update(
            "INSERT INTO offers ("
                + COLUMNS
                + ", idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (buyer_id, idempotency_key) DO NOTHING",
            o.id(),
            o.listingId(),
            o.buyerId(),
            o.sellerId(),
            o.quantity(),
            o.amount().koinu(),
            koinu(o.counterAmount()),
            o.shippingService(),
            o.shippingCost().koinu(),
            o.address() == null ? null : json.writeValueAsString(o.address()),
            o.message(),
            o.status().name(),
            ts(o.expiresAt()),
            o.orderId(),
            o.acceptedBy(),
            o.endReason(),
            o.holdOpen(),
            ts(o.createdAt()),
            ts(o.updatedAt()),
            key)
        == 1;
  }

  Optional<Attempt> attempt(String buyerId, String key) {
    return jdbc
        .query(
            "SELECT id, listing_id, quantity, amount FROM offers WHERE buyer_id = ? AND idempotency_key = ?",
            (rs, i) ->
                new Attempt(
                    rs.getString(1), rs.getString(2), rs.getInt(3), Doge.ofKoinu(rs.getLong(4))),
            buyerId,
            key)
        .stream()
        .findFirst();
  }

  /** Writes the offer's changing part. */
  void update(Offer o) {
    jdbc.update(
        "UPDATE offers SET status = ?, counter_amount = ?, expires_at = ?, order_id = ?,"
            + " accepted_by = ?, end_reason = ?, hold_open = ?, updated_at = ? WHERE id = ?",
        o.status().name(),
        koinu(o.counterAmount()),
        ts(o.expiresAt()),
        o.orderId(),
        o.acceptedBy(),
        o.endReason(),
        o.holdOpen(),
        ts(o.updatedAt()),
        o.id());
  }

  Optional<Offer> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM offers WHERE id = ?", this::row, id).stream()
        .findFirst();
  }

  /** The offer, its row locked until the transaction ends (every change goes through here). */
  Optional<Offer> lock(String id) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM offers WHERE id = ? FOR UPDATE", this::row, id)
        .stream()
        .findFirst();
  }

  /** For a sweep: locked, skipped when another instance holds it. */
  Optional<Offer> lockIfFree(String id) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM offers WHERE id = ? FOR UPDATE SKIP LOCKED", this::row, id)
        .stream()
        .findFirst();
  }

  /** The buyer's other offers on the listing that are still OPEN, locked. */
  List<Offer> lockOtherOpen(String buyerId, String listingId, String exceptId) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM offers WHERE buyer_id = ? AND listing_id = ? AND id <> ? AND status = 'OPEN'"
            + " ORDER BY id FOR UPDATE",
        this::row,
        buyerId,
        listingId,
        exceptId);
  }

  /** Every offer on the listing still OPEN or COUNTERED, locked (the listing ended or sold out). */
  List<Offer> lockOpenOn(String listingId) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM offers WHERE listing_id = ? AND status IN ('OPEN', 'COUNTERED')"
            + " ORDER BY id FOR UPDATE",
        this::row,
        listingId);
  }

  /** Ended offers on the listing whose hold is still open (released next). */
  List<Offer> owingReleaseOn(String listingId) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM offers WHERE listing_id = ? AND hold_open AND status IN ('DECLINED',"
            + " 'EXPIRED', 'WITHDRAWN', 'VOID')",
        this::row,
        listingId);
  }

  /**
   * Offers as the buyer ({@code sent}) or the seller ({@code received}) sees them, newest first.
   */
  List<Offer> of(String userId, boolean asSeller, int limit) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM offers WHERE "
            + (asSeller ? "seller_id" : "buyer_id")
            + " = ? AND status NOT IN ('PENDING', 'FAILED') ORDER BY created_at DESC LIMIT ?",
        this::row,
        userId,
        limit);
  }

  /** Offers whose 48 hours are over. */
  List<String> due(Instant now, int limit) {
    return jdbc.queryForList(
        "SELECT id FROM offers WHERE status IN ('OPEN', 'COUNTERED') AND expires_at <= ?"
            + " ORDER BY expires_at LIMIT ?",
        String.class,
        Timestamp.from(now),
        limit);
  }

  /**
   * Offers a crash or an outage left unfinished before {@code before}: PENDING (the hold may or may
   * not be placed), ACCEPTING (the order not stored yet) and ended ones whose hold is still open.
   */
  List<String> unfinished(Instant before, int limit) {
    return jdbc.queryForList(
        "SELECT id FROM offers WHERE (status IN ('PENDING', 'ACCEPTING') OR (hold_open AND status"
            + " IN ('DECLINED', 'EXPIRED', 'WITHDRAWN', 'VOID', 'FAILED'))) AND updated_at < ?"
            + " ORDER BY updated_at LIMIT ?",
        String.class,
        Timestamp.from(before),
        limit);
  }

  /**
   * Records the actor's key for a step on the offer; false when the key was already used (then
   * {@link #stepOf} tells for what).
   */
  boolean recordStep(String actorId, String key, String offerId, String step, Instant now) {
    return jdbc.update(
            "INSERT INTO offer_steps (actor_id, idempotency_key, offer_id, step, created_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            actorId,
            key,
            offerId,
            step,
            Timestamp.from(now))
        == 1;
  }

  Optional<String> stepOf(String actorId, String key) {
    return jdbc
        .query(
            "SELECT offer_id || ' ' || step FROM offer_steps WHERE actor_id = ? AND idempotency_key = ?",
            (rs, i) -> rs.getString(1),
            actorId,
            key)
        .stream()
        .findFirst();
  }

  private Offer row(ResultSet rs, int i) throws SQLException {
    String address = rs.getString("shipping_address");
    Long counter = rs.getObject("counter_amount", Long.class);
    return Offer.restore(
        rs.getString("id"),
        rs.getString("listing_id"),
        rs.getString("buyer_id"),
        rs.getString("seller_id"),
        rs.getInt("quantity"),
        Doge.ofKoinu(rs.getLong("amount")),
        rs.getString("shipping_service"),
        Doge.ofKoinu(rs.getLong("shipping_cost")),
        address == null ? null : json.readValue(address, ShippingAddress.class),
        rs.getString("message"),
        rs.getTimestamp("created_at").toInstant(),
        Offer.Status.valueOf(rs.getString("status")),
        counter == null ? null : Doge.ofKoinu(counter),
        instant(rs, "expires_at"),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getString("order_id"),
        rs.getString("accepted_by"),
        rs.getString("end_reason"),
        rs.getBoolean("hold_open"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Long koinu(Doge d) {
    return d == null ? null : d.koinu();
  }
}
