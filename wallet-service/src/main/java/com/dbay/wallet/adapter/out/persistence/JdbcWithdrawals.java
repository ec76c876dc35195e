package com.dbay.wallet.adapter.out.persistence;

import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.events.Outbox;
import com.dbay.wallet.application.port.out.Withdrawals;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.Withdrawal;
import com.dbay.wallet.domain.WithdrawalId;
import com.dbay.wallet.domain.WithdrawalPlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

public class JdbcWithdrawals implements Withdrawals {

  private static final String COLUMNS =
      "id, owner, address, amount, fee_reserve, requested_at, status, txid, raw_tx, network_fee, rejection_reason, plan";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final JdbcTemplate jdbc;
  private final Outbox outbox;

  /** {@code outbox} takes the events a withdrawal recorded, in the transaction that saves it. */
  public JdbcWithdrawals(JdbcTemplate jdbc, Outbox outbox) {
    this.jdbc = jdbc;
    this.outbox = outbox;
  }

  @Override
  public void lockUser(UserId user) {
    jdbc.query(
        "select pg_advisory_xact_lock(hashtextextended(?, 0))",
        rs -> {},
        "withdrawals:" + user.value());
  }

  @Override
  public Doge requestedOn(UserId user, LocalDate day) {
    Long sum =
        jdbc.queryForObject(
            "select coalesce(sum(amount), 0) from withdrawals where owner = ? and requested_day = ? and status <> 'REJECTED'",
            Long.class,
            user.value(),
            day);
    return new Doge(sum == null ? 0 : sum);
  }

  @Override
  public void insert(Withdrawal w) {
    jdbc.update(
        "insert into withdrawals (id, owner, address, amount, fee_reserve, status, requested_at, requested_day) values (?, ?, ?, ?, ?, ?, ?, ?)",
        w.id().value(),
        w.user().value(),
        w.address(),
        w.amount().koinu(),
        w.feeReserve().koinu(),
        w.status().name(),
        Timestamp.from(w.requestedAt()),
        LocalDate.ofInstant(w.requestedAt(), ZoneOffset.UTC));
    outbox.publishRecorded(w);
  }

  @Override
  public Optional<Withdrawal> find(WithdrawalId id) {
    return jdbc
        .query(
            "select " + COLUMNS + " from withdrawals where id = ?", (rs, n) -> map(rs), id.value())
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Withdrawal> lock(WithdrawalId id) {
    return jdbc
        .query(
            "select " + COLUMNS + " from withdrawals where id = ? for update",
            (rs, n) -> map(rs),
            id.value())
        .stream()
        .findFirst();
  }

  /**
   * The plan and the signed transaction are written once: the stored plan is never replaced, and a
   * row whose signed transaction differs from the caller's copy is not updated (an error).
   */
  @Override
  public void save(Withdrawal w) {
    String plan = w.plan() == null ? null : write(w.plan());
    int updated =
        jdbc.update(
            "update withdrawals set status = ?, txid = ?, raw_tx = ?, network_fee = ?, rejection_reason = ?, plan = coalesce(plan, ?), "
                + "stuck_at = case when ? = 'STUCK' then coalesce(stuck_at, now()) else stuck_at end, updated_at = now() "
                + "where id = ? and (raw_tx is null or raw_tx = ?)",
            w.status().name(),
            w.txid(),
            w.rawTransaction(),
            w.networkFee() == null ? null : w.networkFee().koinu(),
            w.rejectionReason(),
            plan,
            w.status().name(),
            w.id().value(),
            w.rawTransaction());
    if (updated != 1) {
      throw new IllegalStateException(
          "withdrawal " + w.id() + " changed its plan or signed transaction meanwhile; not saved");
    }
    outbox.publishRecorded(w);
  }

  @Override
  public List<WithdrawalId> withStatus(Withdrawal.Status status, int limit) {
    return jdbc.query(
        "select id from withdrawals where status = ? order by requested_at limit ?",
        (rs, n) -> new WithdrawalId(rs.getObject(1, UUID.class)),
        status.name(),
        limit);
  }

  @Override
  public List<Withdrawal> requestedBy(UserId user, int limit) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from withdrawals where owner = ? order by requested_at desc limit ?",
        (rs, n) -> map(rs),
        user.value(),
        limit);
  }

  private static Withdrawal map(ResultSet rs) throws SQLException {
    long fee = rs.getLong(10);
    Doge networkFee = rs.wasNull() ? null : new Doge(fee);
    return Withdrawal.restore(
        new WithdrawalId(rs.getObject(1, UUID.class)),
        new UserId(rs.getString(2)),
        rs.getString(3),
        new Doge(rs.getLong(4)),
        new Doge(rs.getLong(5)),
        rs.getTimestamp(6).toInstant(),
        Withdrawal.Status.valueOf(rs.getString(7)),
        rs.getString(8),
        rs.getString(9),
        networkFee,
        rs.getString(11),
        read(rs.getString(12)));
  }

  static String write(WithdrawalPlan plan) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "inputs",
        plan.inputs().stream()
            .map(
                i -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("txid", i.txid());
                  m.put("vout", i.vout());
                  m.put("amount", i.amount().koinu());
                  m.put("address", i.address());
                  m.put("chain", i.chain());
                  m.put("index", i.index());
                  return m;
                })
            .toList());
    out.put(
        "outputs",
        plan.outputs().stream()
            .map(
                o -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("address", o.address());
                  m.put("amount", o.amount().koinu());
                  if (o.isChange()) {
                    m.put("changeIndex", o.changeIndex());
                  }
                  return m;
                })
            .toList());
    out.put("fee", plan.fee().koinu());
    out.put("size", plan.size());
    return JSON.writeValueAsString(out);
  }

  static WithdrawalPlan read(String json) {
    if (json == null) {
      return null;
    }
    JsonNode node = JSON.readTree(json);
    List<WithdrawalPlan.Input> inputs = new ArrayList<>();
    for (JsonNode i : node.get("inputs")) {
      inputs.add(
          new WithdrawalPlan.Input(
              i.get("txid").asString(),
              i.get("vout").asInt(),
              new Doge(i.get("amount").asLong()),
              i.get("address").asString(),
              i.get("chain").asInt(),
              i.get("index").asInt()));
    }
    List<WithdrawalPlan.Output> outputs = new ArrayList<>();
    for (JsonNode o : node.get("outputs")) {
      outputs.add(
          new WithdrawalPlan.Output(
              o.get("address").asString(),
              new Doge(o.get("amount").asLong()),
              o.has("changeIndex") ? o.get("changeIndex").asInt() : null));
    }
    return new WithdrawalPlan(
        inputs, outputs, new Doge(node.get("fee").asLong()), node.get("size").asInt());
  }
}
