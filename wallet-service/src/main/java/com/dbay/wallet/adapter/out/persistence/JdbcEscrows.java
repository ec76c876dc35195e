package com.dbay.wallet.adapter.out.persistence;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.Escrows;
import com.dbay.wallet.domain.Escrow;
import com.dbay.wallet.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

public class JdbcEscrows implements Escrows {

  private static final String COLUMNS =
      "order_id, buyer, seller, amount, status, buyer_refund, seller_payout, fee";
  private final JdbcTemplate jdbc;

  public JdbcEscrows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean insert(Escrow e) {
    return jdbc.update(
            "insert into escrows (order_id, buyer, seller, amount, status) values (?, ?, ?, ?, ?) on conflict do nothing",
            e.orderId(),
            e.buyer().value(),
            e.seller().value(),
            e.amount().koinu(),
            e.status().name())
        == 1;
  }

  @Override
  public Optional<Escrow> lock(String orderId) {
    return jdbc
        .query(
            "select " + COLUMNS + " from escrows where order_id = ? for update",
            (rs, n) -> map(rs),
            orderId)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Escrow> find(String orderId) {
    return jdbc
        .query(
            "select " + COLUMNS + " from escrows where order_id = ?", (rs, n) -> map(rs), orderId)
        .stream()
        .findFirst();
  }

  @Override
  public void save(Escrow e) {
    jdbc.update(
        "update escrows set status = ?, buyer_refund = ?, seller_payout = ?, fee = ?, updated_at = now() where order_id = ?",
        e.status().name(),
        koinu(e.buyerRefund()),
        koinu(e.sellerPayout()),
        koinu(e.fee()),
        e.orderId());
  }

  private static Long koinu(Doge money) {
    return money == null ? null : money.koinu();
  }

  private static Doge money(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : new Doge(value);
  }

  private static Escrow map(ResultSet rs) throws SQLException {
    return new Escrow(
        rs.getString(1),
        new UserId(rs.getString(2)),
        new UserId(rs.getString(3)),
        new Doge(rs.getLong(4)),
        Escrow.Status.valueOf(rs.getString(5)),
        money(rs, 6),
        money(rs, 7),
        money(rs, 8));
  }
}
