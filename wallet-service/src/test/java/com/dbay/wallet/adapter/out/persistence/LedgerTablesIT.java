package com.dbay.wallet.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.service.HoldService;
import com.dbay.wallet.domain.AccountId;
import com.dbay.wallet.domain.AccountKind;
import com.dbay.wallet.domain.Posting;
import com.dbay.wallet.domain.PostingType;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The database itself refuses what the code must never do, whatever code tries it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LedgerTablesIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired HoldService holds;
  @Autowired JdbcLedger ledger;

  @Test
  void ledgerRowsCanNeitherBeChangedNorDeleted() {
    UserId user = new UserId("tables-" + UUID.randomUUID());
    long posting =
        ledger.post(
            Posting.builder(PostingType.DEPOSIT_CREDITED, "test")
                .move(
                    AccountId.platform(AccountKind.HOT_WALLET),
                    AccountId.user(user, AccountKind.AVAILABLE),
                    Doge.ofKoinu(5))
                .build(),
            "test");
    assertThatThrownBy(
            () ->
                jdbc.update("update entries set amount = amount + 1 where posting_id = ?", posting))
        .isInstanceOf(DataAccessException.class)
        .hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from postings where id = ?", posting))
        .isInstanceOf(DataAccessException.class)
        .hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> jdbc.execute("truncate entries"))
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void aPostingThatDoesNotBalanceCannotCommit() {
    String owner = "tables-" + UUID.randomUUID();
    long before = jdbc.queryForObject("select count(*) from postings", Long.class);
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      jdbc.update(
                          "insert into accounts (owner, kind, balance) values (?, 'AVAILABLE', 5)",
                          owner);
                      Long posting =
                          jdbc.queryForObject(
                              "insert into postings (type, reference, caller) values ('HOLD_PLACED', 'x', 'test') returning id",
                              Long.class);
                      jdbc.update(
                          "insert into entries (posting_id, owner, kind, amount, balance_after) values (?, ?, 'AVAILABLE', 5, 5)",
                          posting,
                          owner);
                    }))
        .isInstanceOf(DataAccessException.class)
        .hasStackTraceContaining("does not balance");
    assertThat(jdbc.queryForObject("select count(*) from postings", Long.class)).isEqualTo(before);
  }

  @Test
  void noBalanceButTheHotWalletMirrorMayBeNegative() {
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "insert into accounts (owner, kind, balance) values (?, 'AVAILABLE', -1)",
                    "tables-" + UUID.randomUUID()))
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void aHoldWithoutFundsIsRefusedAndWritesNothing() {
    UserId user = new UserId("tables-" + UUID.randomUUID());
    String key = "key-" + user.value();
    assertThatThrownBy(() -> holds.setHold("auction", key, user, "a1", Doge.ofDoge(1)))
        .isInstanceOf(WalletException.InsufficientFunds.class);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from holds where owner = ?", Long.class, user.value()))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from accounts where owner = ?", Long.class, user.value()))
        .isZero();
    // The refusal is not remembered: the same key may be retried once the money is there.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from operations where caller = 'auction' and idem_key = ?",
                Long.class,
                key))
        .isZero();
  }
}
