package com.dbay.wallet.adapter.out.persistence;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.Holds;
import com.dbay.wallet.domain.Hold;
import com.dbay.wallet.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

public class JdbcHolds implements Holds {

  private final JdbcTemplate jdbc;

  public JdbcHolds(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Hold replaceAmount(UserId user, String reference, Doge amount) {
    List<Hold> before =
        jdbc.query(
            "insert into holds as h (owner, reference, amount, previous_amount, status) values (?, ?, ?, 0, 'OPEN') "
                + "on conflict (owner, reference) do update set previous_amount = h.amount, amount = excluded.amount, updated_at = now() "
                + "where h.status = 'OPEN' returning owner, reference, previous_amount, status",
            (rs, n) -> map(rs),
            user.value(),
            reference,
            amount.koinu());
    // No row: the hold exists but is no longer open (the conflicting row is locked all the same).
    return before.isEmpty() ? lock(user, reference).orElseThrow() : before.get(0);
  }

  @Override
  public Optional<Hold> lock(UserId user, String reference) {
    return jdbc
        .query(
            "select owner, reference, amount, status from holds where owner = ? and reference = ? for update",
            (rs, n) -> map(rs),
            user.value(),
            reference)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Hold> find(UserId user, String reference) {
    return jdbc
        .query(
            "select owner, reference, amount, status from holds where owner = ? and reference = ?",
            (rs, n) -> map(rs),
            user.value(),
            reference)
        .stream()
        .findFirst();
  }

  @Override
  public void save(Hold hold) {
    jdbc.update(
        "update holds set amount = ?, status = ?, updated_at = now() where owner = ? and reference = ?",
        hold.amount().koinu(),
        hold.status().name(),
        hold.user().value(),
        hold.reference());
  }

  private static Hold map(ResultSet rs) throws SQLException {
    return new Hold(
        new UserId(rs.getString(1)),
        rs.getString(2),
        new Doge(rs.getLong(3)),
        Hold.Status.valueOf(rs.getString(4)));
  }
}
