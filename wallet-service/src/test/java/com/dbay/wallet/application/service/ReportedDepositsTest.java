package com.dbay.wallet.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.ChainClient;
import com.dbay.wallet.domain.AccountId;
import com.dbay.wallet.domain.AccountKind;
import com.dbay.wallet.domain.ConfirmationPolicy;
import com.dbay.wallet.domain.DepositId;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import org.junit.jupiter.api.Test;

class ReportedDepositsTest {

  private final InMemoryWallet wallet = new InMemoryWallet();
  private final FakeChain chain = new FakeChain();
  private final DepositService deposits =
      new DepositService(
          wallet,
          wallet,
          new DepositServiceTest.SequentialDeriver(),
          wallet,
          wallet,
          ConfirmationPolicy.standard());
  private final ReportedDeposits reports = new ReportedDeposits(chain, deposits, wallet);
  private final UserId bob = new UserId("bob");

  private static String txid(String seed) {
    return seed.repeat(64 / seed.length());
  }

  private void mineEmpty(int blocks) {
    for (int i = 0; i < blocks; i++) {
      chain.mine();
    }
  }

  private Doge pending() {
    return wallet.balance(AccountId.platform(AccountKind.PENDING_DEPOSITS));
  }

  private static void refusedAs(Runnable report, String code) {
    assertThatThrownBy(report::run)
        .isInstanceOf(WalletException.InvalidState.class)
        .extracting(e -> ((WalletException) e).code())
        .isEqualTo(code);
  }

  @Test
  void aDepositTheNodeDoesNotKnowIsRefusedAndNothingIsRecorded() {
    String address = deposits.depositAddress(bob).address();
    DepositId madeUp = new DepositId(txid("f0"), 0);
    refusedAs(
        () -> reports.detected(madeUp, address, Doge.ofDoge(1_000), chain.blockHash(0), 0),
        "deposit-not-on-chain");
    assertThat(wallet.find(madeUp)).isEmpty();
    assertThat(wallet.postings()).isEmpty();
  }

  @Test
  void anAmountOrAddressOtherThanTheNodesIsRefused() {
    String address = deposits.depositAddress(bob).address();
    String carols = deposits.depositAddress(new UserId("carol")).address();
    long height = chain.mine(new ChainClient.Output(txid("a1"), 1, address, Doge.ofDoge(100)));
    DepositId id = new DepositId(txid("a1"), 1);
    String hash = chain.blockHash(height);
    refusedAs(
        () -> reports.detected(id, address, Doge.ofDoge(1_000), hash, height), "deposit-mismatch");
    refusedAs(
        () -> reports.detected(id, carols, Doge.ofDoge(100), hash, height), "deposit-mismatch");
    refusedAs(
        () -> reports.detected(id, address, Doge.ofDoge(100), chain.blockHash(0), 0),
        "deposit-block-mismatch");
    assertThat(wallet.postings()).isEmpty();
  }

  @Test
  void anOutputStillInTheMempoolIsNotYetADeposit() {
    String address = deposits.depositAddress(bob).address();
    chain.mempool.put(
        txid("b2") + ":0", new ChainClient.Output(txid("b2"), 0, address, Doge.ofDoge(10)));
    refusedAs(
        () ->
            reports.detected(
                new DepositId(txid("b2"), 0), address, Doge.ofDoge(10), chain.blockHash(0), 0),
        "deposit-not-mined");
    assertThat(wallet.postings()).isEmpty();
  }

  @Test
  void moreConfirmationsThanTheNodeSeesAreRefusedAndTheTrueCountCreditsOnce() {
    String address = deposits.depositAddress(bob).address();
    long height = chain.mine(new ChainClient.Output(txid("c3"), 0, address, Doge.ofDoge(100)));
    DepositId id = new DepositId(txid("c3"), 0);
    assertThat(reports.detected(id, address, Doge.ofDoge(100), chain.blockHash(height), height))
        .hasValueSatisfying(v -> assertThat(v.status()).isEqualTo("PENDING"));
    mineEmpty(2); // three confirmations

    refusedAs(() -> reports.confirmations(id, 6), "confirmations-not-on-chain");
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ZERO);
    assertThat(pending()).isEqualTo(Doge.ofDoge(100));

    assertThat(reports.confirmations(id, 3).status()).isEqualTo("PENDING");
    mineEmpty(3);
    assertThat(reports.confirmations(id, 6).status()).isEqualTo("CREDITED");
    assertThat(reports.confirmations(id, 6).status()).isEqualTo("CREDITED");
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ofDoge(100));
    assertThat(pending()).isEqualTo(Doge.ZERO);
    assertThat(wallet.audit().ok()).isTrue();
  }

  @Test
  void confirmationsOfADepositWhoseBlockWasReplacedAreRefused() {
    String address = deposits.depositAddress(bob).address();
    long height = chain.mine(new ChainClient.Output(txid("d4"), 0, address, Doge.ofDoge(100)));
    DepositId id = new DepositId(txid("d4"), 0);
    reports.detected(id, address, Doge.ofDoge(100), chain.blockHash(height), height);
    chain.reorgFrom(height);
    mineEmpty(10);

    refusedAs(() -> reports.confirmations(id, 6), "deposit-not-on-chain");
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ZERO);
    assertThat(reports.reorged(id).status()).isEqualTo("CANCELLED");
    assertThat(pending()).isEqualTo(Doge.ZERO);
  }

  @Test
  void aReorgTheNodeDoesNotShowIsRefused() {
    String address = deposits.depositAddress(bob).address();
    long height = chain.mine(new ChainClient.Output(txid("e5"), 0, address, Doge.ofDoge(100)));
    DepositId id = new DepositId(txid("e5"), 0);
    reports.detected(id, address, Doge.ofDoge(100), chain.blockHash(height), height);

    refusedAs(() -> reports.reorged(id), "deposit-still-on-chain");
    assertThat(pending()).isEqualTo(Doge.ofDoge(100));
  }

  @Test
  void reportsForAddressesThatAreNoDepositAddressAreIgnoredWithoutAskingTheNode() {
    assertThat(
            reports.detected(
                new DepositId(txid("f6"), 0),
                "someone-else",
                Doge.ofDoge(1),
                chain.blockHash(0),
                0))
        .isEmpty();
  }
}
