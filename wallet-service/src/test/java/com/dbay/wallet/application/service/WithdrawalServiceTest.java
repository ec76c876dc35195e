package com.dbay.wallet.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.wallet.application.port.out.AddressValidator;
import com.dbay.wallet.domain.AccountId;
import com.dbay.wallet.domain.AccountKind;
import com.dbay.wallet.domain.ConfirmationPolicy;
import com.dbay.wallet.domain.DepositId;
import com.dbay.wallet.domain.Money;
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
  private final AddressValidator addresses = a -> a.startsWith("D") ? AddressValidator.Verdict.VALID
      : a.startsWith("n") ? AddressValidator.Verdict.WRONG_NETWORK : AddressValidator.Verdict.MALFORMED;
  private final WithdrawalPolicy policy = new WithdrawalPolicy(Money.ofDoge(1), Money.ofDoge(1_000), Money.ofDoge(500), Money.parse("x", "0.1"));
  private final WithdrawalService withdrawals = new WithdrawalService(wallet, wallet, wallet, wallet, addresses, chain, chain, policy,
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));
  private final UserId bob = new UserId("bob");

  @BeforeEach
  void bobHasTwoThousandDoge() {
    DepositService deposits = new DepositService(wallet, wallet, new DepositServiceTest.SequentialDeriver(), wallet, wallet, ConfirmationPolicy.standard());
    String address = deposits.depositAddress(bob).address();
    deposits.recordDetected(new DepositId("ef".repeat(32), 0), address, Money.ofDoge(2_000), "h", 1);
    deposits.observe(new DepositId("ef".repeat(32), 0), 20);
  }

  private WithdrawalId id(WithdrawalService.WithdrawalView view) {
    return new WithdrawalId(UUID.fromString(view.id()));
  }

  @Test
  void theFundsLeaveAvailableAtRequestTime() {
    WithdrawalService.WithdrawalView view = withdrawals.request(bob, "w1", "Dvalid", Money.ofDoge(100));
    assertThat(view.status()).isEqualTo("APPROVED");
    assertThat(wallet.balances(bob).available()).isEqualTo(Money.parse("x", "1899.9"));
    assertThat(wallet.balance(AccountId.platform(AccountKind.WITHDRAWALS_IN_FLIGHT))).isEqualTo(Money.parse("x", "100.1"));
  }

  @Test
  void badAddressesAreRefusedWithNothingHeld() {
    assertThatThrownBy(() -> withdrawals.request(bob, "w1", "garbage", Money.ofDoge(10))).hasMessageContaining("not a valid");
    assertThatThrownBy(() -> withdrawals.request(bob, "w2", "nTestnet", Money.ofDoge(10))).hasMessageContaining("another Dogecoin network");
    assertThat(wallet.balances(bob).available()).isEqualTo(Money.ofDoge(2_000));
  }

  @Test
  void aboveTheThresholdAnAdminMustApproveFirst() {
    WithdrawalService.WithdrawalView view = withdrawals.request(bob, "w1", "Dvalid", Money.ofDoge(501));
    assertThat(view.status()).isEqualTo("PENDING_APPROVAL");
    assertThat(withdrawals.sign(id(view)).status()).isEqualTo("PENDING_APPROVAL");
    assertThat(chain.signatures).isZero();
    withdrawals.approve(id(view));
    assertThat(withdrawals.sign(id(view)).status()).isEqualTo("SIGNED");
  }

  @Test
  void theDailyLimitCountsEveryRequestOfTheDayButNotRejectedOnes() {
    WithdrawalService.WithdrawalView first = withdrawals.request(bob, "w1", "Dvalid", Money.ofDoge(600));
    assertThatThrownBy(() -> withdrawals.request(bob, "w2", "Dvalid", Money.ofDoge(401))).isInstanceOf(WalletException.LimitExceeded.class);
    withdrawals.reject(id(first), "suspicious");
    withdrawals.request(bob, "w3", "Dvalid", Money.ofDoge(401));
    assertThat(wallet.audit().problems()).isEmpty();
    assertThat(wallet.audit().ok()).isTrue();
  }

  @Test
  void aRejectedWithdrawalGivesTheFundsBack() {
    WithdrawalService.WithdrawalView view = withdrawals.request(bob, "w1", "Dvalid", Money.ofDoge(501));
    withdrawals.reject(id(view), "no");
    withdrawals.reject(id(view), "no");
    assertThat(wallet.balances(bob).available()).isEqualTo(Money.ofDoge(2_000));
  }

  @Test
  void aWithdrawalIsSignedOnceAndRetriesRebroadcastTheSameBytes() {
    WithdrawalId id = id(withdrawals.request(bob, "w1", "Dvalid", Money.ofDoge(100)));
    WithdrawalService.WithdrawalView signed = withdrawals.sign(id);
    WithdrawalService.WithdrawalView again = withdrawals.sign(id);
    assertThat(chain.signatures).isEqualTo(1);
    assertThat(again.txid()).isEqualTo(signed.txid());

    withdrawals.broadcast(id);
    withdrawals.broadcast(id);
    assertThat(chain.broadcasts).containsExactly("raw-1", "raw-1");
  }

  @Test
  void settlementReturnsTheUnusedFeeReserveOnceConfirmed() {
    WithdrawalId id = id(withdrawals.request(bob, "w1", "Dvalid", Money.ofDoge(100)));
    String txid = withdrawals.sign(id).txid();
    withdrawals.broadcast(id);
    assertThat(withdrawals.settleIfConfirmed(id, 6).status()).isEqualTo("BROADCAST");
    chain.confirmations.put(txid, 6);
    assertThat(withdrawals.settleIfConfirmed(id, 6).status()).isEqualTo("COMPLETED");
    withdrawals.settleIfConfirmed(id, 6);
    // 2000 - 100 - 0.00226 network fee
    assertThat(wallet.balances(bob).available()).isEqualTo(Money.parse("x", "1899.99774"));
    assertThat(wallet.balance(AccountId.platform(AccountKind.WITHDRAWALS_IN_FLIGHT))).isEqualTo(Money.ZERO);
    assertThat(wallet.audit().problems()).isEmpty();
    assertThat(wallet.audit().ok()).isTrue();
  }

  @Test
  void anotherUsersWithdrawalDoesNotExistForYou() {
    WithdrawalId id = id(withdrawals.request(bob, "w1", "Dvalid", Money.ofDoge(100)));
    assertThatThrownBy(() -> withdrawals.get(new UserId("mallory"), false, id)).isInstanceOf(WalletException.NotFound.class);
    assertThat(withdrawals.get(new UserId("admin"), true, id).userId()).isEqualTo("bob");
  }

  @Test
  void aWithdrawalAboveTheBalanceIsRefusedAndReservesNothing() {
    UserId carol = new UserId("carol");
    assertThatThrownBy(() -> withdrawals.request(carol, "w1", "Dvalid", Money.ofDoge(10))).isInstanceOf(WalletException.InsufficientFunds.class);
    assertThat(wallet.balances(carol).available()).isEqualTo(Money.ZERO);
    assertThat(wallet.withStatus(com.dbay.wallet.domain.Withdrawal.Status.APPROVED, 10)).isEmpty();
  }
}
