package com.dbay.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WithdrawalTest {

  private final UserId bob = new UserId("bob");
  private final WithdrawalPolicy policy =
      new WithdrawalPolicy(Doge.ofDoge(1), Doge.ofDoge(1_000), Doge.ofDoge(500), Doge.parse("0.1"));
  private static final String COIN = "ab".repeat(32);

  private Withdrawal approved() {
    return Withdrawal.request(
        WithdrawalId.random(),
        bob,
        "addr",
        Doge.ofDoge(10),
        Doge.parse("0.1"),
        false,
        Instant.EPOCH);
  }

  /** Pays 10 DOGE to "addr" from a 50 DOGE coin, change to the wallet, with this fee. */
  private static WithdrawalPlan plan(String fee) {
    Doge f = Doge.parse(fee);
    return new WithdrawalPlan(
        List.of(new WithdrawalPlan.Input(COIN, 0, Doge.ofDoge(50), "coin-address", 0, 7)),
        List.of(
            new WithdrawalPlan.Output("addr", Doge.ofDoge(10), null),
            new WithdrawalPlan.Output("change", Doge.ofDoge(40).minus(f), 3)),
        f,
        225);
  }

  /** The planned transaction as the wallet would read it back from the signer. */
  private static SignedTransfer transfer(WithdrawalPlan plan, String raw, boolean valid) {
    return new SignedTransfer(
        "tx-" + raw,
        raw,
        plan.inputs().stream().map(WithdrawalPlan.Input::outpoint).toList(),
        plan.outputs().stream()
            .map(o -> new SignedTransfer.Output(o.address(), o.amount()))
            .toList(),
        225,
        valid);
  }

  private Withdrawal signed(String fee) {
    Withdrawal withdrawal = approved();
    withdrawal.plan(plan(fee));
    withdrawal.acceptSignature(transfer(plan(fee), "aa01", true));
    return withdrawal;
  }

  @Test
  void theReservationTakesAmountPlusFeeReserveIntoWithdrawalsInFlight() {
    Posting posting = approved().reservation();
    assertThat(posting.amountFor(AccountId.user(bob, AccountKind.AVAILABLE)))
        .isEqualTo(-Doge.parse("10.1").koinu());
    assertThat(posting.amountFor(AccountId.platform(AccountKind.WITHDRAWALS_IN_FLIGHT)))
        .isEqualTo(Doge.parse("10.1").koinu());
  }

  @Test
  void settlingSendsAmountPlusRealFeeOutOfCustodyAndReturnsTheUnusedReserve() {
    Withdrawal withdrawal = signed("0.00225");
    Posting posting = withdrawal.settle();
    assertThat(posting.amountFor(AccountId.platform(AccountKind.HOT_WALLET)))
        .isEqualTo(Doge.parse("10.00225").koinu());
    assertThat(posting.amountFor(AccountId.user(bob, AccountKind.AVAILABLE)))
        .isEqualTo(Doge.parse("0.09775").koinu());
    assertThat(withdrawal.status()).isEqualTo(Withdrawal.Status.COMPLETED);
  }

  @Test
  void aWithdrawalIsPlannedOnceAndOnlyForItsOwnAmountAndAddress() {
    Withdrawal withdrawal = approved();
    withdrawal.plan(plan("0.00225"));
    assertThat(withdrawal.status()).isEqualTo(Withdrawal.Status.PLANNED);
    assertThatThrownBy(() -> withdrawal.plan(plan("0.00225")))
        .isInstanceOf(WalletException.InvalidState.class);

    WithdrawalPlan elsewhere =
        new WithdrawalPlan(
            plan("0.001").inputs(),
            List.of(
                new WithdrawalPlan.Output("other", Doge.ofDoge(10), null),
                new WithdrawalPlan.Output("change", Doge.parse("39.999"), 3)),
            Doge.parse("0.001"),
            225);
    assertThatThrownBy(() -> approved().plan(elsewhere)).hasMessageContaining("does not pay");
  }

  @Test
  void aSignatureIsAcceptedOnlyForThePlanAndOnlyOnce() {
    Withdrawal withdrawal = approved();
    WithdrawalPlan planned = plan("0.00225");
    assertThatThrownBy(() -> withdrawal.acceptSignature(transfer(planned, "aa01", true)))
        .as("nothing planned yet")
        .isInstanceOf(WalletException.InvalidState.class);
    withdrawal.plan(planned);
    assertThatThrownBy(() -> withdrawal.acceptSignature(transfer(plan("0.003"), "aa02", true)))
        .hasMessageContaining("output 1 pays");
    assertThatThrownBy(() -> withdrawal.acceptSignature(transfer(planned, "aa03", false)))
        .hasMessageContaining("do not verify");

    assertThat(withdrawal.acceptSignature(transfer(planned, "aa01", true))).isTrue();
    assertThat(withdrawal.acceptSignature(transfer(planned, "AA01", true)))
        .as("the same bytes again")
        .isFalse();
    assertThatThrownBy(() -> withdrawal.acceptSignature(transfer(planned, "aa04", true)))
        .isInstanceOfSatisfying(
            WalletException.InvalidState.class,
            e -> assertThat(e.code()).isEqualTo("withdrawal-signed"));
    assertThat(withdrawal.txid()).isEqualTo("tx-aa01");
    assertThat(withdrawal.networkFee()).isEqualTo(Doge.parse("0.00225"));
  }

  @Test
  void aPlannedWithdrawalCanNoLongerBeRejected() {
    Withdrawal withdrawal = approved();
    withdrawal.plan(plan("0.00225"));
    assertThatThrownBy(() -> withdrawal.reject("no"))
        .isInstanceOf(WalletException.InvalidState.class);
  }

  @Test
  void aFeeAboveTheReserveIsRefused() {
    assertThatThrownBy(() -> approved().plan(plan("1")))
        .isInstanceOfSatisfying(
            WalletException.InvalidState.class,
            e -> assertThat(e.code()).isEqualTo("fee-above-reserve"));
  }

  @Test
  void aWithdrawalWaitingForApprovalCannotBePlanned() {
    Withdrawal withdrawal =
        Withdrawal.request(
            WithdrawalId.random(),
            bob,
            "addr",
            Doge.ofDoge(10),
            Doge.parse("0.1"),
            true,
            Instant.EPOCH);
    assertThatThrownBy(() -> withdrawal.plan(plan("0.00225")))
        .isInstanceOf(WalletException.InvalidState.class);
    withdrawal.approve();
    withdrawal.plan(plan("0.00225"));
    assertThat(withdrawal.status()).isEqualTo(Withdrawal.Status.PLANNED);
  }

  @Test
  void onlyASentTransactionCanBeFlaggedStuckOnceAndAStuckOneStillSettles() {
    assertThatThrownBy(() -> approved().markStuck())
        .isInstanceOf(WalletException.InvalidState.class);
    Withdrawal withdrawal = signed("0.00225");
    assertThat(withdrawal.markStuck()).isTrue();
    assertThat(withdrawal.markStuck()).isFalse();
    withdrawal.markBroadcast();
    assertThat(withdrawal.status()).isEqualTo(Withdrawal.Status.STUCK);
    assertThatThrownBy(() -> withdrawal.reject("no"))
        .isInstanceOf(WalletException.InvalidState.class);
    withdrawal.settle();
    assertThat(withdrawal.status()).isEqualTo(Withdrawal.Status.COMPLETED);
    assertThatThrownBy(withdrawal::markStuck).isInstanceOf(WalletException.InvalidState.class);
    assertThatThrownBy(withdrawal::settle).isInstanceOf(WalletException.InvalidState.class);
  }

  @Test
  void aPlanMustBalance() {
    assertThatThrownBy(
            () ->
                new WithdrawalPlan(
                    plan("0.1").inputs(), plan("0.1").outputs(), Doge.parse("0.2"), 225))
        .hasMessageContaining("does not balance");
  }

  @Test
  void thePolicyRefusesBelowMinimumAndAboveTheDailyLimitAndAsksApprovalAboveTheThreshold() {
    assertThatThrownBy(() -> policy.check(Doge.parse("0.5"), Doge.ZERO))
        .hasMessageContaining("minimum");
    assertThatThrownBy(() -> policy.check(Doge.ofDoge(600), Doge.ofDoge(500)))
        .isInstanceOf(WalletException.LimitExceeded.class);
    assertThat(policy.check(Doge.ofDoge(500), Doge.ZERO)).isFalse();
    assertThat(policy.check(Doge.ofDoge(501), Doge.ZERO)).isTrue();
  }

  private static List<String> pulled(Withdrawal withdrawal) {
    return withdrawal.pullEvents().stream()
        .map(e -> e.getClass().getSimpleName() + ":" + ((WithdrawalEvent) e).status())
        .toList();
  }

  @Test
  void everyStateChangeRecordsItsOwnEventInTheMethodThatMakesIt() {
    Withdrawal withdrawal =
        Withdrawal.request(
            WithdrawalId.random(),
            bob,
            "addr",
            Doge.ofDoge(10),
            Doge.parse("0.1"),
            true,
            Instant.EPOCH);
    assertThat(pulled(withdrawal)).containsExactly("WithdrawalRequested:PENDING_APPROVAL");
    withdrawal.approve();
    assertThat(pulled(withdrawal)).containsExactly("WithdrawalRequested:APPROVED");
    withdrawal.plan(plan("0.00225"));
    assertThat(pulled(withdrawal)).containsExactly("WithdrawalPlanned:PLANNED");
    withdrawal.acceptSignature(transfer(plan("0.00225"), "aa01", true));
    assertThat(pulled(withdrawal)).containsExactly("WithdrawalSigned:SIGNED");
    withdrawal.markBroadcast();
    assertThat(pulled(withdrawal)).containsExactly("WithdrawalBroadcast:BROADCAST");
    withdrawal.markStuck();
    assertThat(pulled(withdrawal)).containsExactly("WithdrawalStuck:STUCK");
    withdrawal.settle();
    assertThat(pulled(withdrawal)).containsExactly("WithdrawalCompleted:COMPLETED");
  }

  @Test
  void aRepeatThatChangesNothingRecordsNothing() {
    Withdrawal withdrawal = signed("0.00225");
    withdrawal.pullEvents();
    assertThat(withdrawal.acceptSignature(transfer(plan("0.00225"), "aa01", true))).isFalse();
    withdrawal.markBroadcast();
    withdrawal.pullEvents();
    withdrawal.markBroadcast();
    withdrawal.markStuck();
    withdrawal.pullEvents();
    assertThat(withdrawal.markStuck()).isFalse();
    withdrawal.markBroadcast();
    assertThat(withdrawal.recordedEvents()).isEmpty();
    Withdrawal approved = approved();
    approved.pullEvents();
    approved.approve();
    assertThat(approved.recordedEvents()).isEmpty();
  }

  @Test
  void aRejectionRecordsWithdrawalRejectedAndARestoredWithdrawalRecordsNothing() {
    Withdrawal withdrawal = approved();
    withdrawal.pullEvents();
    withdrawal.reject("no");
    assertThat(pulled(withdrawal)).containsExactly("WithdrawalRejected:REJECTED");
    Withdrawal restored =
        Withdrawal.restore(
            withdrawal.id(),
            bob,
            "addr",
            Doge.ofDoge(10),
            Doge.parse("0.1"),
            Instant.EPOCH,
            Withdrawal.Status.REJECTED,
            null,
            null,
            null,
            "no",
            null);
    assertThat(restored.recordedEvents()).isEmpty();
  }

  @Test
  void aRefusedChangeRecordsNoEvent() {
    Withdrawal withdrawal = approved();
    withdrawal.pullEvents();
    assertThatThrownBy(() -> withdrawal.plan(plan("1")))
        .isInstanceOf(WalletException.InvalidState.class);
    assertThatThrownBy(withdrawal::settle).isInstanceOf(WalletException.InvalidState.class);
    assertThat(withdrawal.recordedEvents()).isEmpty();
  }

  @Test
  void anEventCarriesTheWithdrawalAndItsAmountAsDoge() {
    Withdrawal withdrawal = signed("0.00225");
    List<Object> events = withdrawal.pullEvents();
    assertThat(events.getLast())
        .isEqualTo(
            new WithdrawalSigned(
                withdrawal.id().toString(), "bob", "SIGNED", Doge.ofDoge(10), "addr", "tx-aa01"));
  }
}
