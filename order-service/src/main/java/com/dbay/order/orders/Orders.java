package com.dbay.order.orders;

import com.dbay.platform.money.Doge;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Orders in the service's PostgreSQL. */
@Repository
public class Orders {

  private final JdbcTemplate jdbc;

  public Orders(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the order unless its auction already has one; true when this call inserted it. */
  boolean insertIfAbsent(Order o) {
    return jdbc.update(
            """
        INSERT INTO orders (id, source, listing_id, buyer_id, seller_id, price, status, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, listing_id) DO NOTHING""",
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

  Optional<Order> find(String id) {
    return jdbc.query("SELECT * FROM orders WHERE id = ?", Orders::restore, id).stream()
        .findFirst();
  }

  Optional<Order> findByAuction(String listingId) {
    return jdbc
        .query(
            "SELECT * FROM orders WHERE source = 'auction' AND listing_id = ?",
            Orders::restore,
            listingId)
        .stream()
        .findFirst();
  }

  /** The user's orders as buyer or as seller, newest first. */
  List<Order> of(String userId, boolean asBuyer, int limit) {
    String column = asBuyer ? "buyer_id" : "seller_id";
    return jdbc.query(
        "SELECT * FROM orders WHERE " + column + " = ? ORDER BY created_at DESC, id LIMIT ?",
        Orders::restore,
        userId,
        limit);
  }

  private static Order restore(ResultSet rs, int row) throws SQLException {
    return Order.restore(
        rs.getString("id"),
        Order.Source.valueOf(rs.getString("source").toUpperCase()),
        rs.getString("listing_id"),
        rs.getString("buyer_id"),
        rs.getString("seller_id"),
        Doge.ofKoinu(rs.getLong("price")),
        Order.Status.valueOf(rs.getString("status")),
        rs.getTimestamp("created_at").toInstant());
  }
}
