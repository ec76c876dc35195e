package com.dbay.wallet.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.ChainClient;
import com.dbay.wallet.application.port.out.DepositAddressDeriver;
import com.dbay.wallet.domain.AccountId;
import com.dbay.wallet.domain.AccountKind;
import com.dbay.wallet.domain.ConfirmationPolicy;
import com.dbay.wallet.domain.PostingType;
import com.dbay.wallet.domain.UserId;
import org.junit.jupiter.api.Test;

class DepositServiceTest {

  static final class SequentialDeriver implements DepositAddressDeriver {
    @Override
    public String network() {
      return "regtest";
    }

    @Override
    public String deriveAddress(long index) {
      return "address-" + index;
    }
  }

  private final InMemoryWallet wallet = new InMemoryWallet();
  private final FakeChain chain = new FakeChain();
  private final DepositService deposits =
      new DepositService(
          wallet, wallet, new SequentialDeriver(), wallet, wallet, ConfirmationPolicy.standard());
  private final DepositWatcher watcher = new DepositWatcher(chain, deposits, wallet);
  private final UserId bob = new UserId("bob");

  private ChainClient.Output pay(String address, long doge, String txid) {
    return new ChainClient.Output(txid.repeat(64 / txid.length()), 0, address, Doge.ofDoge(doge));
  }

  private void mineEmpty(int blocks) {
    for (int i = 0; i < blocks; i++) {
      chain.mine();
    }
  }

  @Test
  void eachUserGetsOneAddressAndIndicesAreNeverReused() {
    String first = deposits.depositAddress(bob).address();
    assertThat(deposits.depositAddress(bob).address()).isEqualTo(first);
    assertThat(deposits.depositAddress(new UserId("carol")).index()).isEqualTo(1);
  }

  @Test
  void aDepositIsCreditedOnceAfterSixConfirmationsHoweverOftenTheWatcherRuns() {
    String address = deposits.depositAddress(bob).address();
    chain.mine(pay(address, 100, "a1"));
    long next = watcher.pass(0);
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ZERO);
    assertThat(wallet.balance(AccountId.platform(AccountKind.PENDING_DEPOSITS)))
        .isEqualTo(Doge.ofDoge(100));

    mineEmpty(4);
    next = watcher.pass(next);
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ZERO);
    mineEmpty(1);
    next = watcher.pass(next);
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ofDoge(100));

    // A restart rescans everything from the start: nothing changes.
    watcher.pass(0);
    mineEmpty(3);
    watcher.pass(next);
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ofDoge(100));
    assertThat(wallet.postings())
        .filteredOn(p -> p.type() == PostingType.DEPOSIT_CREDITED)
        .hasSize(1);
    assertThat(wallet.audit().problems()).isEmpty();
    assertThat(wallet.audit().ok()).isTrue();
  }

  @Test
  void aReorgThatDropsTheDepositBeforeItIsCreditedCancelsIt() {
    String address = deposits.depositAddress(bob).address();
    long height = chain.mine(pay(address, 100, "b2"));
    long next = watcher.pass(0);
    chain.reorgFrom(height);
    mineEmpty(8);
    watcher.pass(next);
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ZERO);
    assertThat(wallet.balance(AccountId.platform(AccountKind.PENDING_DEPOSITS)))
        .isEqualTo(Doge.ZERO);
    assertThat(wallet.balance(AccountId.platform(AccountKind.HOT_WALLET))).isEqualTo(Doge.ZERO);
    assertThat(wallet.audit().problems()).isEmpty();
    assertThat(wallet.audit().ok()).isTrue();
  }

  @Test
  void aDepositMinedAgainInAnotherBlockAfterAReorgIsStillCreditedOnce() {
    String address = deposits.depositAddress(bob).address();
    long height = chain.mine(pay(address, 100, "c3"));
    long next = watcher.pass(0);
    chain.reorgFrom(height);
    chain.mine();
    chain.mine(pay(address, 100, "c3"));
    next = watcher.pass(next);
    mineEmpty(10);
    watcher.pass(next);
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ofDoge(100));
    assertThat(wallet.postings())
        .filteredOn(p -> p.type() == PostingType.DEPOSIT_CREDITED)
        .hasSize(1);
    assertThat(wallet.audit().problems()).isEmpty();
    assertThat(wallet.audit().ok()).isTrue();
  }

  @Test
  void paymentsToAddressesThatAreNotDepositAddressesAreIgnored() {
    chain.mine(pay("someone-else", 5, "d4"));
    watcher.pass(0);
    assertThat(wallet.postings()).isEmpty();
  }

  @Test
  void largeDepositsWaitForMoreConfirmations() {
    String address = deposits.depositAddress(bob).address();
    chain.mine(pay(address, 5_000, "e5"));
    mineEmpty(10);
    long next = watcher.pass(0);
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ZERO);
    mineEmpty(9);
    watcher.pass(next);
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ofDoge(5_000));
  }
}
