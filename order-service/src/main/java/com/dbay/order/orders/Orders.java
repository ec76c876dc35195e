package com.dbay.order.orders;

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

/** Orders in the service's PostgreSQL. */
@Repository
public class Orders {

  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  public Orders(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Inserts the order unless its auction already has one; true when this call inserted it. */
  boolean insertIfAbsent(Order o) {
    return jdbc.update(
            """
        INSERT INTO orders (id, source, listing_id, buyer_id, seller_id, price, status, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (listing_id) WHERE source = 'auction' DO NOTHING""",
            o.id(),
            o.source().name().toLowerCase(),
            o.listingId(),
            o.buyerId(),
            o.sellerId(),
            o.price().koinu(),
            o.status().name(),
            Timestamp.from(o.createdAt()))
        == 1;
  }

  /** Inserts a new order of a fixed-price listing (many per listing), with its delivery. */
  public void insert(Order o) {
    Order.Delivery d = o.delivery();
    jdbc.update(
        """
        INSERT INTO orders (id, source, listing_id, buyer_id, seller_id, price, status, created_at,
          quantity, shipping_service, shipping_cost, shipping_address)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        o.id(),
        o.source().name().toLowerCase(),
        o.listingId(),
        o.buyerId(),
        o.sellerId(),
        o.price().koinu(),
        o.status().name(),
        Timestamp.from(o.createdAt()),
        d.quantity(),
        d.shippingService(),
        d.shippingCost().koinu(),
        d.address() == null ? null : json.writeValueAsString(d.address()));
  }

  /** Writes the order's status and progress (the parties and the price never change). */
  void save(Order o) {
    Order.Progress p = o.progress();
    jdbc.update(
        """
        UPDATE orders SET status = ?, carrier = ?, tracking_number = ?, shipped_at = ?,
          received_at = ?, completed_at = ?, cancelled_at = ?, seller_amount = ?, fee = ?
        WHERE id = ?""",
        o.status().name(),
        p.carrier(),
        p.trackingNumber(),
        ts(p.shippedAt()),
        ts(p.receivedAt()),
        ts(p.completedAt()),
        ts(p.cancelledAt()),
        p.sellerAmount() == null ? null : p.sellerAmount().koinu(),
        p.fee() == null ? null : p.fee().koinu(),
        o.id());
  }

  public Optional<Order> find(String id) {
    return jdbc.query("SELECT * FROM orders WHERE id = ?", this::restore, id).stream().findFirst();
  }

  /** The order, its row locked until the transaction ends (one transition at a time). */
  Optional<Order> lock(String id) {
    return jdbc.query("SELECT * FROM orders WHERE id = ? FOR UPDATE", this::restore, id).stream()
        .findFirst();
  }

  /** The order locked, or empty when another transaction holds it (the sweep skips it). */
  Optional<Order> tryLock(String id) {
    return jdbc
        .query("SELECT * FROM orders WHERE id = ? FOR UPDATE SKIP LOCKED", this::restore, id)
        .stream()
        .findFirst();
  }

  Optional<Order> findByAuction(String listingId) {
    return jdbc
        .query(
            "SELECT * FROM orders WHERE source = 'auction' AND listing_id = ?",
            this::restore,
            listingId)
        .stream()
        .findFirst();
  }

  /** Shipped orders shipped at or before {@code shippedBy}, oldest first. */
  List<String> shippedBy(Instant shippedBy, int limit) {
    return jdbc.queryForList(
        "SELECT id FROM orders WHERE status = 'SHIPPED' AND shipped_at <= ? ORDER BY shipped_at LIMIT ?",
        String.class,
        Timestamp.from(shippedBy),
        limit);
  }

  /** The user's orders as buyer or as seller, newest first. */
  List<Order> of(String userId, boolean asBuyer, int limit) {
    String column = asBuyer ? "buyer_id" : "seller_id";
    return jdbc.query(
        "SELECT * FROM orders WHERE " + column + " = ? ORDER BY created_at DESC, id LIMIT ?",
        this::restore,
        userId,
        limit);
  }

  private static Timestamp ts(Instant t) {
    return t == null ? null : Timestamp.from(t);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Doge koinu(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Doge.ofKoinu(v);
  }

  private Order restore(ResultSet rs, int row) throws SQLException {
    String address = rs.getString("shipping_address");
    return Order.restore(
        rs.getString("id"),
        Order.Source.valueOf(rs.getString("source").toUpperCase()),
        rs.getString("listing_id"),
        rs.getString("buyer_id"),
        rs.getString("seller_id"),
        Doge.ofKoinu(rs.getLong("price")),
        Order.Status.valueOf(rs.getString("status")),
        rs.getTimestamp("created_at").toInstant(),
        new Order.Delivery(
            rs.getInt("quantity"),
            rs.getString("shipping_service"),
            Doge.ofKoinu(rs.getLong("shipping_cost")),
            address == null ? null : json.readValue(address, ShippingAddress.class)),
        new Order.Progress(
            rs.getString("carrier"),
            rs.getString("tracking_number"),
            instant(rs, "shipped_at"),
            instant(rs, "received_at"),
            instant(rs, "completed_at"),
            instant(rs, "cancelled_at"),
            koinu(rs, "seller_amount"),
            koinu(rs, "fee")));
  }
}
