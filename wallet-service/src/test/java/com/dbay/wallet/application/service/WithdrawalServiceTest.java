package com.dbay.wallet.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.DevSigner;
import com.dbay.wallet.adapter.out.chain.DogecoinAddressValidator;
import com.dbay.wallet.adapter.out.chain.DogecoinTransactionReader;
import com.dbay.wallet.application.port.out.AddressValidator;
import com.dbay.wallet.domain.AccountId;
import com.dbay.wallet.domain.AccountKind;
import com.dbay.wallet.domain.ConfirmationPolicy;
import com.dbay.wallet.domain.DepositId;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import com.dbay.wallet.domain.WithdrawalId;
import com.dbay.wallet.domain.WithdrawalPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WithdrawalServiceTest {

  private final InMemoryWallet wallet = new InMemoryWallet();
  private final FakeChain chain = new FakeChain();
  private final AddressValidator addresses = new DogecoinAddressValidator(InMemoryCoins.NET);
  private final InMemoryCoins coins = new InMemoryCoins();
  private final WithdrawalPolicy policy =
      new WithdrawalPolicy(Doge.ofDoge(1), Doge.ofDoge(1_000), Doge.ofDoge(500), Doge.parse("0.1"));
  private final WithdrawalService withdrawals =
      new WithdrawalService(
          wallet,
          wallet,
          wallet,
          wallet,
          addresses,
          coins,
          new DogecoinTransactionReader(InMemoryCoins.NET),
          chain,
          policy,
          Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));
  private final UserId bob = new UserId("bob");
  private static final String VALID = "mkz4vgSmWWV9Y5T7C5fwv441fmqrzjjaMc";

  @BeforeEach
  void bobHasTwoThousandDoge() {
    DepositService deposits =
        new DepositService(
            wallet,
            wallet,
            new DepositServiceTest.SequentialDeriver(),
            wallet,
            wallet,
            ConfirmationPolicy.standard());
    String address = deposits.depositAddress(bob).address();
    deposits.recordDetected(new DepositId("ef".repeat(32), 0), address, Doge.ofDoge(2_000), "h", 1);
    deposits.observe(new DepositId("ef".repeat(32), 0), 20);
    coins.add("ef".repeat(32), 0, Doge.ofDoge(2_000), 0);
  }

  private WithdrawalId id(WithdrawalService.WithdrawalView view) {
    return new WithdrawalId(UUID.fromString(view.id()));
  }

  @Test
  void theFundsLeaveAvailableAtRequestTime() {
    WithdrawalService.WithdrawalView view = withdrawals.request(bob, "w1", VALID, Doge.ofDoge(100));
    assertThat(view.status()).isEqualTo("APPROVED");
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.parse("1899.9"));
    assertThat(wallet.balance(AccountId.platform(AccountKind.WITHDRAWALS_IN_FLIGHT)))
        .isEqualTo(Doge.parse("100.1"));
  }

  @Test
  void badAddressesAreRefusedWithNothingHeld() {
    assertThatThrownBy(() -> withdrawals.request(bob, "w1", "garbage", Doge.ofDoge(10)))
        .hasMessageContaining("not a valid");
    assertThatThrownBy(
            () ->
                withdrawals.request(
                    bob, "w2", "DBus3bamQjgJULBJtYXpEzDWQRwF5iwxgC", Doge.ofDoge(10)))
        .hasMessageContaining("another Dogecoin network");
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ofDoge(2_000));
  }

  @Test
  void aboveTheThresholdAnAdminMustApproveFirst() {
    WithdrawalService.WithdrawalView view = withdrawals.request(bob, "w1", VALID, Doge.ofDoge(501));
    assertThat(view.status()).isEqualTo("PENDING_APPROVAL");
    assertThat(withdrawals.plan(id(view)).withdrawal().status()).isEqualTo("PENDING_APPROVAL");
    assertThat(coins.plans).isZero();
    withdrawals.approve(id(view));
    assertThat(withdrawals.plan(id(view)).withdrawal().status()).isEqualTo("PLANNED");
  }

  @Test
  void theDailyLimitCountsEveryRequestOfTheDayButNotRejectedOnes() {
    WithdrawalService.WithdrawalView first =
        withdrawals.request(bob, "w1", VALID, Doge.ofDoge(600));
    assertThatThrownBy(() -> withdrawals.request(bob, "w2", VALID, Doge.ofDoge(401)))
        .isInstanceOf(WalletException.LimitExceeded.class);
    withdrawals.reject(id(first), "suspicious");
    withdrawals.request(bob, "w3", VALID, Doge.ofDoge(401));
    assertThat(wallet.audit().problems()).isEmpty();
    assertThat(wallet.audit().ok()).isTrue();
  }

  @Test
  void aRejectedWithdrawalGivesTheFundsBack() {
    WithdrawalService.WithdrawalView view = withdrawals.request(bob, "w1", VALID, Doge.ofDoge(501));
    withdrawals.reject(id(view), "no");
    withdrawals.reject(id(view), "no");
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ofDoge(2_000));
  }

  @Test
  void aWithdrawalIsSignedOnceAndRetriesRebroadcastTheSameBytes() {
    WithdrawalId id = id(withdrawals.request(bob, "w1", VALID, Doge.ofDoge(100)));
    String raw = sign(withdrawals.plan(id).plan());
    WithdrawalService.PlannedWithdrawal signed = withdrawals.recordSignature(id, raw);
    WithdrawalService.PlannedWithdrawal again = withdrawals.recordSignature(id, raw);
    assertThat(again.withdrawal().txid()).isEqualTo(signed.withdrawal().txid());
    assertThat(coins.plans).isEqualTo(1);

    withdrawals.broadcast(id);
    withdrawals.broadcast(id);
    assertThat(chain.broadcasts).containsExactly(raw, raw);
  }

  @Test
  void aWithdrawalCannotBeBroadcastBeforeItIsSigned() {
    WithdrawalId id = id(withdrawals.request(bob, "w1", VALID, Doge.ofDoge(100)));
    withdrawals.plan(id);
    assertThatThrownBy(() -> withdrawals.broadcast(id))
        .isInstanceOf(WalletException.InvalidState.class);
    assertThat(chain.broadcasts).isEmpty();
  }

  @Test
  void settlementReturnsTheUnusedFeeReserveOnceConfirmed() {
    WithdrawalId id = id(withdrawals.request(bob, "w1", VALID, Doge.ofDoge(100)));
    String txid =
        withdrawals.recordSignature(id, sign(withdrawals.plan(id).plan())).withdrawal().txid();
    withdrawals.broadcast(id);
    assertThat(withdrawals.settleIfConfirmed(id, 6).status()).isEqualTo("BROADCAST");
    chain.confirmations.put(txid, 6);
    assertThat(withdrawals.settleIfConfirmed(id, 6).status()).isEqualTo("COMPLETED");
    withdrawals.settleIfConfirmed(id, 6);
    // 2000 - 100 - 0.00225 network fee (225 bytes)
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.parse("1899.99775"));
    assertThat(wallet.balance(AccountId.platform(AccountKind.WITHDRAWALS_IN_FLIGHT)))
        .isEqualTo(Doge.ZERO);
    assertThat(wallet.audit().problems()).isEmpty();
    assertThat(wallet.audit().ok()).isTrue();
  }

  /** What the blockchain-broadcaster does with the plan: sign exactly it with the seed. */
  private static String sign(com.dbay.wallet.domain.WithdrawalPlan plan) {
    return DevSigner.sign(plan);
  }

  @Test
  void anotherUsersWithdrawalDoesNotExistForYou() {
    WithdrawalId id = id(withdrawals.request(bob, "w1", VALID, Doge.ofDoge(100)));
    assertThatThrownBy(() -> withdrawals.get(new UserId("mallory"), false, id))
        .isInstanceOf(WalletException.NotFound.class);
    assertThat(withdrawals.get(new UserId("admin"), true, id).userId()).isEqualTo("bob");
  }

  @Test
  void aWithdrawalAboveTheBalanceIsRefusedAndReservesNothing() {
    UserId carol = new UserId("carol");
    assertThatThrownBy(() -> withdrawals.request(carol, "w1", VALID, Doge.ofDoge(10)))
        .isInstanceOf(WalletException.InsufficientFunds.class);
    assertThat(wallet.balances(carol).available()).isEqualTo(Doge.ZERO);
    assertThat(wallet.withStatus(com.dbay.wallet.domain.Withdrawal.Status.APPROVED, 10)).isEmpty();
  }
}
