package com.dbay.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import org.junit.jupiter.api.Test;

class DepositTest {

  private final UserId bob = new UserId("bob");
  private final DepositId id = new DepositId("ab".repeat(32), 1);

  private Deposit deposit(Doge amount) {
    return Deposit.detected(id, bob, "addr", amount, ConfirmationPolicy.standard(), "hash-1", 10);
  }

  @Test
  void biggerDepositsNeedMoreConfirmations() {
    ConfirmationPolicy policy = ConfirmationPolicy.standard();
    assertThat(policy.required(Doge.parse("999.99999999"))).isEqualTo(6);
    assertThat(policy.required(Doge.ofDoge(1_000))).isEqualTo(20);
    assertThat(policy.required(Doge.ofDoge(99_999))).isEqualTo(20);
    assertThat(policy.required(Doge.ofDoge(100_000))).isEqualTo(40);
  }

  @Test
  void aDepositIsCreditedExactlyOnceWhenDeepEnough() {
    Deposit deposit = deposit(Doge.ofDoge(10));
    assertThat(deposit.observe(5)).isEmpty();
    Posting credit = deposit.observe(6).orElseThrow();
    assertThat(credit.amountFor(AccountId.user(bob, AccountKind.AVAILABLE)))
        .isEqualTo(Doge.ofDoge(10).koinu());
    assertThat(deposit.observe(7)).isEmpty();
    assertThat(deposit.observe(100)).isEmpty();
  }

  @Test
  void aReorgBeforeCreditingCancelsAndAReminedTransactionComesBack() {
    Deposit deposit = deposit(Doge.ofDoge(10));
    Posting cancel = deposit.cancelOnReorg().orElseThrow();
    assertThat(cancel.amountFor(AccountId.platform(AccountKind.PENDING_DEPOSITS)))
        .isEqualTo(-Doge.ofDoge(10).koinu());
    assertThat(deposit.cancelOnReorg()).isEmpty();
    assertThat(deposit.observe(10)).isEmpty();
    assertThat(deposit.seenIn("hash-2", 11)).isPresent();
    assertThat(deposit.status()).isEqualTo(Deposit.Status.PENDING);
    assertThat(deposit.observe(6)).isPresent();
  }

  @Test
  void aCreditedDepositIsNotSilentlyReversedByAReorg() {
    Deposit deposit = deposit(Doge.ofDoge(10));
    deposit.observe(6);
    assertThatThrownBy(deposit::cancelOnReorg).isInstanceOf(WalletException.InvalidState.class);
  }
}
