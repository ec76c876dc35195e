package com.dbay.listing.listing;

import com.dbay.platform.money.Doge;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The units orders took of fixed-price listings ({@code listing_purchase}). */
@Repository
public class Purchases {

  /** One order's units of one listing, at the price and shipping it paid. */
  public record Purchase(
      String orderId,
      UUID listingId,
      String buyerId,
      int quantity,
      Doge unitPrice,
      String shippingService,
      Doge shippingCost,
      String status) {}

  private final JdbcTemplate jdbc;

  Purchases(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Purchase p, Instant now) {
    jdbc.update(
        "insert into listing_purchase (order_id, listing_id, buyer_id, quantity, unit_price,"
            + " shipping_service, shipping_cost, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        p.orderId(),
        p.listingId(),
        p.buyerId(),
        p.quantity(),
        p.unitPrice().koinu(),
        p.shippingService(),
        p.shippingCost().koinu(),
        p.status(),
        Timestamp.from(now));
  }

  /** The purchase, its row locked until the transaction ends. */
  Optional<Purchase> lock(String orderId) {
    return jdbc
        .query(
            "select * from listing_purchase where order_id = ? for update",
            (rs, i) ->
                new Purchase(
                    rs.getString("order_id"),
                    rs.getObject("listing_id", UUID.class),
                    rs.getString("buyer_id"),
                    rs.getInt("quantity"),
                    Doge.ofKoinu(rs.getLong("unit_price")),
                    rs.getString("shipping_service"),
                    Doge.ofKoinu(rs.getLong("shipping_cost")),
                    rs.getString("status")),
            orderId)
        .stream()
        .findFirst();
  }

  void released(String orderId, Instant now) {
    jdbc.update(
        "update listing_purchase set status = 'RELEASED', released_at = ? where order_id = ?",
        Timestamp.from(now),
        orderId);
  }
}
