package com.dbay.wallet.adapter.out.persistence;

import com.dbay.wallet.application.port.out.Withdrawals;
import com.dbay.wallet.domain.Money;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.Withdrawal;
import com.dbay.wallet.domain.WithdrawalId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

public class JdbcWithdrawals implements Withdrawals {

  private static final String COLUMNS = "id, owner, address, amount, fee_reserve, requested_at, status, txid, raw_tx, network_fee, rejection_reason";
  private final JdbcTemplate jdbc;

  public JdbcWithdrawals(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void lockUser(UserId user) {
    jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> { }, "withdrawals:" + user.value());
  }

  @Override
  public Money requestedOn(UserId user, LocalDate day) {
    Long sum = jdbc.queryForObject("select coalesce(sum(amount), 0) from withdrawals where owner = ? and requested_day = ? and status <> 'REJECTED'",
        Long.class, user.value(), day);
    return new Money(sum == null ? 0 : sum);
  }

  @Override
  public void insert(Withdrawal w) {
    jdbc.update("insert into withdrawals (id, owner, address, amount, fee_reserve, status, requested_at, requested_day) values (?, ?, ?, ?, ?, ?, ?, ?)",
        w.id().value(), w.user().value(), w.address(), w.amount().koinu(), w.feeReserve().koinu(), w.status().name(),
        Timestamp.from(w.requestedAt()), LocalDate.ofInstant(w.requestedAt(), ZoneOffset.UTC));
  }

  @Override
  public Optional<Withdrawal> find(WithdrawalId id) {
    return jdbc.query("select " + COLUMNS + " from withdrawals where id = ?", (rs, n) -> map(rs), id.value()).stream().findFirst();
  }

  @Override
  public Optional<Withdrawal> lock(WithdrawalId id) {
    return jdbc.query("select " + COLUMNS + " from withdrawals where id = ? for update", (rs, n) -> map(rs), id.value()).stream().findFirst();
  }

  @Override
  public void save(Withdrawal w) {
    jdbc.update("update withdrawals set status = ?, txid = ?, raw_tx = ?, network_fee = ?, rejection_reason = ?, updated_at = now() where id = ?",
        w.status().name(), w.txid(), w.rawTransaction(), w.networkFee() == null ? null : w.networkFee().koinu(), w.rejectionReason(), w.id().value());
  }

  @Override
  public List<WithdrawalId> withStatus(Withdrawal.Status status, int limit) {
    return jdbc.query("select id from withdrawals where status = ? order by requested_at limit ?",
        (rs, n) -> new WithdrawalId(rs.getObject(1, UUID.class)), status.name(), limit);
  }

  private static Withdrawal map(ResultSet rs) throws SQLException {
    long fee = rs.getLong(10);
    Money networkFee = rs.wasNull() ? null : new Money(fee);
    return new Withdrawal(new WithdrawalId(rs.getObject(1, UUID.class)), new UserId(rs.getString(2)), rs.getString(3), new Money(rs.getLong(4)),
        new Money(rs.getLong(5)), rs.getTimestamp(6).toInstant(), Withdrawal.Status.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
        networkFee, rs.getString(11));
  }
}
