package com.dbay.wallet.adapter.out.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.dogecoin.rpc.DogecoinRpcClient;
import com.dbay.platform.money.Doge;
import com.dbay.wallet.DevNodeProcess;
import com.dbay.wallet.DevSigner;
import com.dbay.wallet.adapter.in.scheduling.DepositWatcherSchedule;
import com.dbay.wallet.application.service.DepositService;
import com.dbay.wallet.application.service.LedgerQueries;
import com.dbay.wallet.application.service.WithdrawalService;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WithdrawalId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deposits end to end on the local Dogecoin chain: coins sent to a user's deposit address are found
 * by the watcher, credited once after six confirmations, and cancelled when a reorg drops them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DepositsFromTheDevChainIT {

  private static DevNodeProcess node;
  private static DogecoinRpcClient rpc;
  private static final String MINER = "mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi";

  @Autowired DepositService deposits;
  @Autowired DepositWatcherSchedule watcher;
  @Autowired LedgerQueries ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired WithdrawalService withdrawals;
  private static final java.util.concurrent.atomic.AtomicBoolean FRESH_CHAIN =
      new java.util.concurrent.atomic.AtomicBoolean(true);

  @DynamicPropertySource
  static void chain(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("wallet-devchain");
    node = DevNodeProcess.start(dir, "devnode-it.log");
    rpc = node.rpc();
    String url = node.url();
    registry.add("dbay.wallet.chain.rpc-url", () -> url);
    // The test drives the watcher itself; its timer stays off.
    registry.add("dbay.wallet.chain.watch-interval", () -> "0s");
    // A fresh chain for a database that may have seen other chains: start the cursor from its
    // beginning.
    registry.add("dbay.wallet.chain.start-height", () -> "0");
  }

  /**
   * Every run starts a new chain: coins the hot wallet knew on earlier chains do not exist on this
   * one.
   */
  @BeforeEach
  void forgetCoinsOfEarlierChains() {
    if (FRESH_CHAIN.compareAndSet(true, false)) {
      jdbc.update(
          "update utxos set status = 'SPENT', spent_by = '00000000-0000-0000-0000-000000000000' where status = 'AVAILABLE'");
    }
  }

  @Test
  void aWithdrawalIsPlannedFromTheXpubSignedOnceElsewhereBroadcastAndSettledOnTheChain() {
    rescanFromGenesis();
    UserId dave = newUser();
    rpc.faucet(deposits.depositAddress(dave).address(), Doge.ofDoge(300).koinu());
    mine(6);
    watcher.runOnce();
    assertThat(ledger.balances(dave).available()).isEqualTo(Doge.ofDoge(300));

    WithdrawalService.WithdrawalView requested =
        withdrawals.request(dave, "w-" + dave, MINER, Doge.ofDoge(120));
    WithdrawalId id = new WithdrawalId(UUID.fromString(requested.id()));
    WithdrawalService.PlannedWithdrawal planned = withdrawals.plan(id);
    assertThat(withdrawals.plan(id).plan()).as("planned once").isEqualTo(planned.plan());
    // the blockchain-broadcaster's part: the wallet holds no key
    String raw = DevSigner.sign(planned.plan());
    WithdrawalService.WithdrawalView signed = withdrawals.recordSignature(id, raw).withdrawal();
    assertThat(signed.status()).isEqualTo("SIGNED");
    assertThat(withdrawals.recordSignature(id, raw).withdrawal().txid())
        .as("kept once")
        .isEqualTo(signed.txid());
    withdrawals.broadcast(id);
    withdrawals.broadcast(id);
    assertThat(rpc.confirmations(signed.txid())).hasValue(0);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from utxos where txid = ? and chain = 1",
                Long.class,
                signed.txid()))
        .as("no coin to spend from change that is not yet in a block")
        .isZero();

    mine(6);
    WithdrawalService.WithdrawalView settled = withdrawals.settleIfConfirmed(id, 6);
    assertThat(settled.status()).isEqualTo("COMPLETED");
    // 300 - 120 - the exact network fee: 0.01 DOGE per kB of the 225 bytes planned (one input,
    // payment and change)
    assertThat(settled.networkFee()).isEqualTo(225_000L);
    assertThat(ledger.balances(dave).available())
        .isEqualTo(Doge.ofDoge(180).minus(new Doge(settled.networkFee())));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from utxos where spent_by = ?", Long.class, id.value()))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from utxos where txid = ? and chain = 1 and status = 'AVAILABLE'",
                Long.class,
                signed.txid()))
        .as("its change is spendable")
        .isEqualTo(1);
    assertThat(ledger.audit().problems()).isEmpty();
  }

  @AfterAll
  static void stopTheNode() {
    node.stop();
  }

  private UserId newUser() {
    return new UserId("chain-" + UUID.randomUUID());
  }

  private void mine(int blocks) {
    rpc.generateToAddress(blocks, MINER);
  }

  @Test
  void aDepositIsCreditedOnceAfterSixConfirmations() {
    rescanFromGenesis();
    UserId bob = newUser();
    String address = deposits.depositAddress(bob).address();
    rpc.faucet(address, Doge.ofDoge(250).koinu());
    mine(1);
    watcher.runOnce();
    assertThat(ledger.balances(bob).available()).isEqualTo(Doge.ZERO);

    mine(4);
    watcher.runOnce();
    assertThat(ledger.balances(bob).available()).as("5 confirmations").isEqualTo(Doge.ZERO);

    mine(1);
    watcher.runOnce();
    assertThat(ledger.balances(bob).available()).isEqualTo(Doge.ofDoge(250));

    mine(3);
    watcher.runOnce();
    rescanFromGenesis();
    assertThat(ledger.balances(bob).available())
        .as("rescans credit nothing twice")
        .isEqualTo(Doge.ofDoge(250));
    assertThat(ledger.audit().problems()).isEmpty();
  }

  @Test
  void aDepositDroppedByAReorgBeforeItIsCreditedIsCancelled() {
    rescanFromGenesis();
    UserId carol = newUser();
    String address = deposits.depositAddress(carol).address();
    rpc.faucet(address, Doge.ofDoge(70).koinu());
    mine(2);
    watcher.runOnce();
    assertThat(
            jdbc.queryForList(
                "select status from deposits where address = ?", String.class, address))
        .containsExactly("PENDING");
    rpc.devReorg(2, true);
    mine(8);
    watcher.runOnce();
    assertThat(
            jdbc.queryForList(
                "select status from deposits where address = ?", String.class, address))
        .containsExactly("CANCELLED");
    assertThat(ledger.balances(carol).available()).isEqualTo(Doge.ZERO);
    assertThat(ledger.audit().problems()).isEmpty();
  }

  /** The cursor is shared with earlier runs in the same database; this chain starts at 0. */
  private void rescanFromGenesis() {
    watcher.rescanFrom(0);
  }
}
