package com.dbay.wallet.adapter.out.persistence;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.Ledger;
import com.dbay.wallet.domain.AccountKind;
import com.dbay.wallet.domain.AuditReport;
import com.dbay.wallet.domain.Balances;
import com.dbay.wallet.domain.Entry;
import com.dbay.wallet.domain.Posting;
import com.dbay.wallet.domain.PostingType;
import com.dbay.wallet.domain.StatementLine;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger in PostgreSQL. A posting is one round trip to {@code ledger_post} (see
 * V1__ledger.sql), which locks the accounts' balance rows in the posting's order (one total order
 * everywhere, so no deadlocks): a debit is a conditional UPDATE that matches no row when the
 * balance would go below zero, a credit an upsert that creates the account on first use; then the
 * posting and its entries, with each account's balance after, are appended.
 */
public class JdbcLedger implements Ledger {

  private final JdbcTemplate jdbc;

  public JdbcLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long post(Posting posting, String caller) {
    List<Entry> entries = posting.entries();
    int n = entries.size();
    String[] owners = new String[n];
    String[] kinds = new String[n];
    Long[] amounts = new Long[n];
    Boolean[] mayBeNegative = new Boolean[n];
    for (int i = 0; i < n; i++) {
      Entry entry = entries.get(i);
      owners[i] = entry.account().owner();
      kinds[i] = entry.account().kind().name();
      amounts[i] = entry.amount();
      mayBeNegative[i] = entry.account().kind().mayBeNegative();
    }
    Long result =
        jdbc.execute(
            (Connection connection) -> {
              try (PreparedStatement statement =
                  connection.prepareStatement("select ledger_post(?, ?, ?, ?, ?, ?, ?)")) {
                statement.setString(1, posting.type().name());
                statement.setString(2, posting.reference());
                statement.setString(3, caller);
                statement.setArray(4, connection.createArrayOf("text", owners));
                statement.setArray(5, connection.createArrayOf("text", kinds));
                statement.setArray(6, connection.createArrayOf("bigint", amounts));
                statement.setArray(7, connection.createArrayOf("boolean", mayBeNegative));
                try (ResultSet rs = statement.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
    if (result == null || result == 0) {
      throw new IllegalStateException("ledger_post returned nothing");
    }
    if (result < 0) {
      throw new WalletException.InsufficientFunds(entries.get((int) (-result) - 1).account());
    }
    return result;
  }

  @Override
  public Balances balances(UserId user) {
    long[] values = new long[3];
    jdbc.query(
        "select kind, balance from accounts where owner = ?",
        rs -> {
          switch (AccountKind.valueOf(rs.getString(1))) {
            case AVAILABLE -> values[0] = rs.getLong(2);
            case HELD -> values[1] = rs.getLong(2);
            case ESCROW -> values[2] = rs.getLong(2);
            default -> {}
          }
        },
        user.value());
    return new Balances(new Doge(values[0]), new Doge(values[1]), new Doge(values[2]));
  }

  @Override
  public List<StatementLine> statement(UserId user, Long beforeEntryId, int limit) {
    String sql =
        "select e.id, e.posting_id, p.type, p.reference, e.kind, e.amount, e.balance_after, p.created_at "
            + "from entries e join postings p on p.id = e.posting_id where e.owner = ? "
            + (beforeEntryId == null ? "" : "and e.id < ? ")
            + "order by e.id desc limit ?";
    Object[] args =
        beforeEntryId == null
            ? new Object[] {user.value(), limit}
            : new Object[] {user.value(), beforeEntryId, limit};
    return jdbc.query(
        sql,
        (rs, n) ->
            new StatementLine(
                rs.getLong(1),
                rs.getLong(2),
                PostingType.valueOf(rs.getString(3)),
                rs.getString(4),
                AccountKind.valueOf(rs.getString(5)),
                new Doge(rs.getLong(6)),
                new Doge(rs.getLong(7)),
                rs.getTimestamp(8).toInstant()),
        args);
  }

  @Override
  public AuditReport audit() {
    List<String> problems = new ArrayList<>();
    long accounts = count("select count(*) from accounts");
    long postings = count("select count(*) from postings");
    long entries = count("select count(*) from entries");
    long sum = count("select coalesce(sum(amount), 0) from entries");
    if (sum != 0) {
      problems.add("the entries of the whole ledger sum to " + sum + " koinu instead of zero");
    }
    jdbc.query(
        "select coalesce(sum(balance), 0) from accounts",
        rs -> {
          if (rs.getLong(1) != 0) {
            problems.add(
                "the balances of all accounts sum to " + rs.getLong(1) + " koinu instead of zero");
          }
        });
    jdbc.query(
        "select posting_id, sum(amount), count(*) from entries group by posting_id having sum(amount) <> 0 or count(*) < 2",
        rs -> {
          problems.add(
              "posting "
                  + rs.getLong(1)
                  + " does not balance: "
                  + rs.getLong(3)
                  + " entries summing to "
                  + rs.getLong(2));
        });
    jdbc.query(
        "select a.owner, a.kind, a.balance, coalesce(e.total, 0) from accounts a "
            + "left join (select owner, kind, sum(amount) total from entries group by owner, kind) e using (owner, kind) "
            + "where a.balance <> coalesce(e.total, 0)",
        rs -> {
          problems.add(
              "account "
                  + rs.getString(1)
                  + "/"
                  + rs.getString(2)
                  + " shows "
                  + rs.getLong(3)
                  + " but its entries sum to "
                  + rs.getLong(4));
        });
    jdbc.query(
        "select a.owner, a.kind, a.balance, l.balance_after from accounts a join "
            + "(select distinct on (owner, kind) owner, kind, balance_after from entries order by owner, kind, id desc) l using (owner, kind) "
            + "where a.balance <> l.balance_after",
        rs -> {
          problems.add(
              "account "
                  + rs.getString(1)
                  + "/"
                  + rs.getString(2)
                  + " shows "
                  + rs.getLong(3)
                  + " but its last entry says "
                  + rs.getLong(4));
        });
    jdbc.query(
        "select owner, kind, balance from accounts where kind <> 'HOT_WALLET' and balance < 0",
        rs -> {
          problems.add(
              "account "
                  + rs.getString(1)
                  + "/"
                  + rs.getString(2)
                  + " is negative: "
                  + rs.getLong(3));
        });
    // The balances agree with the objects that explain them.
    jdbc.query(
        "select coalesce(a.owner, h.owner), coalesce(a.balance, 0), coalesce(h.total, 0) from "
            + "(select owner, balance from accounts where kind = 'HELD') a full join "
            + "(select owner, sum(amount) total from holds where status = 'OPEN' group by owner) h using (owner) "
            + "where coalesce(a.balance, 0) <> coalesce(h.total, 0)",
        rs -> {
          problems.add(
              "user "
                  + rs.getString(1)
                  + " has HELD "
                  + rs.getLong(2)
                  + " but open holds of "
                  + rs.getLong(3));
        });
    jdbc.query(
        "select coalesce(a.owner, e.buyer), coalesce(a.balance, 0), coalesce(e.total, 0) from "
            + "(select owner, balance from accounts where kind = 'ESCROW') a full join "
            + "(select buyer, sum(amount) total from escrows where status = 'FUNDED' group by buyer) e on e.buyer = a.owner "
            + "where coalesce(a.balance, 0) <> coalesce(e.total, 0)",
        rs -> {
          problems.add(
              "user "
                  + rs.getString(1)
                  + " has ESCROW "
                  + rs.getLong(2)
                  + " but funded escrows of "
                  + rs.getLong(3));
        });
    compare(
        "WITHDRAWALS_IN_FLIGHT",
        "select coalesce(sum(amount + fee_reserve), 0) from withdrawals where status not in ('COMPLETED', 'REJECTED')",
        problems);
    compare(
        "PENDING_DEPOSITS",
        "select coalesce(sum(amount), 0) from deposits where status = 'PENDING'",
        problems);
    return new AuditReport(accounts, postings, entries, sum, List.copyOf(problems));
  }

  private void compare(String platformKind, String expectedSql, List<String> problems) {
    long balance =
        jdbc
            .queryForList(
                "select balance from accounts where owner = 'platform' and kind = ?",
                Long.class,
                platformKind)
            .stream()
            .findFirst()
            .orElse(0L);
    long expected = count(expectedSql);
    if (balance != expected) {
      problems.add(
          "platform " + platformKind + " is " + balance + " but the open items sum to " + expected);
    }
  }

  private long count(String sql) {
    Long value = jdbc.queryForObject(sql, Long.class);
    return value == null ? 0 : value;
  }
}
