package com.dbay.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WithdrawalTest {

  private final UserId bob = new UserId("bob");
  private final WithdrawalPolicy policy = new WithdrawalPolicy(Money.ofDoge(1), Money.ofDoge(1_000), Money.ofDoge(500), Money.parse("x", "0.1"));

  private Withdrawal approved() {
    return Withdrawal.request(WithdrawalId.random(), bob, "addr", Money.ofDoge(10), Money.parse("x", "0.1"), false, Instant.EPOCH);
  }

  @Test
  void theReservationTakesAmountPlusFeeReserveIntoWithdrawalsInFlight() {
    Posting posting = approved().reservation();
    assertThat(posting.amountFor(AccountId.user(bob, AccountKind.AVAILABLE))).isEqualTo(-Money.parse("x", "10.1").koinu());
    assertThat(posting.amountFor(AccountId.platform(AccountKind.WITHDRAWALS_IN_FLIGHT))).isEqualTo(Money.parse("x", "10.1").koinu());
  }

  @Test
  void settlingSendsAmountPlusRealFeeOutOfCustodyAndReturnsTheUnusedReserve() {
    Withdrawal withdrawal = approved();
    withdrawal.recordSigned("tx", "raw", Money.parse("x", "0.00226"));
    Posting posting = withdrawal.settle();
    assertThat(posting.amountFor(AccountId.platform(AccountKind.HOT_WALLET))).isEqualTo(Money.parse("x", "10.00226").koinu());
    assertThat(posting.amountFor(AccountId.user(bob, AccountKind.AVAILABLE))).isEqualTo(Money.parse("x", "0.09774").koinu());
    assertThat(withdrawal.status()).isEqualTo(Withdrawal.Status.COMPLETED);
  }

  @Test
  void aWithdrawalIsSignedOnlyOnce() {
    Withdrawal withdrawal = approved();
    withdrawal.recordSigned("tx", "raw", Money.ofKoinu(1000));
    assertThatThrownBy(() -> withdrawal.recordSigned("tx2", "raw2", Money.ofKoinu(1000))).isInstanceOf(WalletException.InvalidState.class);
    assertThat(withdrawal.txid()).isEqualTo("tx");
  }

  @Test
  void aSignedWithdrawalCanNoLongerBeRejected() {
    Withdrawal withdrawal = approved();
    withdrawal.recordSigned("tx", "raw", Money.ofKoinu(1000));
    assertThatThrownBy(() -> withdrawal.reject("no")).isInstanceOf(WalletException.InvalidState.class);
  }

  @Test
  void aFeeAboveTheReserveIsRefused() {
    assertThatThrownBy(() -> approved().recordSigned("tx", "raw", Money.ofDoge(1))).isInstanceOf(WalletException.InvalidState.class);
  }

  @Test
  void aWithdrawalWaitingForApprovalCannotBeSigned() {
    Withdrawal withdrawal = Withdrawal.request(WithdrawalId.random(), bob, "addr", Money.ofDoge(10), Money.ZERO, true, Instant.EPOCH);
    assertThatThrownBy(() -> withdrawal.recordSigned("tx", "raw", Money.ZERO)).isInstanceOf(WalletException.InvalidState.class);
    withdrawal.approve();
    withdrawal.recordSigned("tx", "raw", Money.ZERO);
    assertThat(withdrawal.status()).isEqualTo(Withdrawal.Status.SIGNED);
  }

  @Test
  void thePolicyRefusesBelowMinimumAndAboveTheDailyLimitAndAsksApprovalAboveTheThreshold() {
    assertThatThrownBy(() -> policy.check(Money.parse("x", "0.5"), Money.ZERO)).hasMessageContaining("minimum");
    assertThatThrownBy(() -> policy.check(Money.ofDoge(600), Money.ofDoge(500))).isInstanceOf(WalletException.LimitExceeded.class);
    assertThat(policy.check(Money.ofDoge(500), Money.ZERO)).isFalse();
    assertThat(policy.check(Money.ofDoge(501), Money.ZERO)).isTrue();
  }
}
