package com.dbay.wallet.adapter.out.persistence;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.Deposits;
import com.dbay.wallet.domain.Deposit;
import com.dbay.wallet.domain.DepositId;
import com.dbay.wallet.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

public class JdbcDeposits implements Deposits {

  private static final String COLUMNS =
      "txid, vout, owner, address, amount, required_confirmations, confirmations, status, block_hash, block_height";
  private final JdbcTemplate jdbc;

  public JdbcDeposits(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean insert(Deposit d) {
    return jdbc.update(
            "insert into deposits ("
                + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
            d.id().txid(),
            d.id().vout(),
            d.user().value(),
            d.address(),
            d.amount().koinu(),
            d.requiredConfirmations(),
            d.confirmations(),
            d.status().name(),
            d.blockHash(),
            d.blockHeight())
        == 1;
  }

  @Override
  public Optional<Deposit> lock(DepositId id) {
    return jdbc
        .query(
            "select " + COLUMNS + " from deposits where txid = ? and vout = ? for update",
            (rs, n) -> map(rs),
            id.txid(),
            id.vout())
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Deposit> find(DepositId id) {
    return jdbc
        .query(
            "select " + COLUMNS + " from deposits where txid = ? and vout = ?",
            (rs, n) -> map(rs),
            id.txid(),
            id.vout())
        .stream()
        .findFirst();
  }

  @Override
  public void save(Deposit d) {
    jdbc.update(
        "update deposits set confirmations = ?, status = ?, block_hash = ?, block_height = ?, updated_at = now() where txid = ? and vout = ?",
        d.confirmations(),
        d.status().name(),
        d.blockHash(),
        d.blockHeight(),
        d.id().txid(),
        d.id().vout());
  }

  @Override
  public List<Deposit> pending() {
    return jdbc.query(
        "select " + COLUMNS + " from deposits where status = 'PENDING' order by block_height",
        (rs, n) -> map(rs));
  }

  @Override
  public List<Deposit> ofUser(UserId user, int limit) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from deposits where owner = ? order by detected_at desc, txid, vout limit ?",
        (rs, n) -> map(rs),
        user.value(),
        limit);
  }

  @Override
  public Doge pendingTotal(UserId user) {
    Long total =
        jdbc.queryForObject(
            "select coalesce(sum(amount), 0) from deposits where owner = ? and status = 'PENDING'",
            Long.class,
            user.value());
    return new Doge(total == null ? 0 : total);
  }

  private static Deposit map(ResultSet rs) throws SQLException {
    return new Deposit(
        new DepositId(rs.getString(1), rs.getInt(2)),
        new UserId(rs.getString(3)),
        rs.getString(4),
        new Doge(rs.getLong(5)),
        rs.getInt(6),
        rs.getInt(7),
        Deposit.Status.valueOf(rs.getString(8)),
        rs.getString(9),
        rs.getLong(10));
  }
}
