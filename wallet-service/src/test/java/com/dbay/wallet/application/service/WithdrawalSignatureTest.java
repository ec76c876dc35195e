package com.dbay.wallet.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.dogecoin.Bip44Path;
import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.FeePolicy;
import com.dbay.dogecoin.HdSigner;
import com.dbay.dogecoin.Payment;
import com.dbay.dogecoin.TransactionCodec;
import com.dbay.dogecoin.TransactionPlan;
import com.dbay.dogecoin.TransactionPlanner;
import com.dbay.dogecoin.TransactionSizes;
import com.dbay.dogecoin.Utxo;
import com.dbay.platform.money.Doge;
import com.dbay.wallet.DevSigner;
import com.dbay.wallet.adapter.out.chain.DogecoinAddressValidator;
import com.dbay.wallet.adapter.out.chain.DogecoinTransactionReader;
import com.dbay.wallet.domain.AccountId;
import com.dbay.wallet.domain.AccountKind;
import com.dbay.wallet.domain.ConfirmationPolicy;
import com.dbay.wallet.domain.DepositId;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import com.dbay.wallet.domain.Withdrawal;
import com.dbay.wallet.domain.WithdrawalEvent;
import com.dbay.wallet.domain.WithdrawalId;
import com.dbay.wallet.domain.WithdrawalPlan;
import com.dbay.wallet.domain.WithdrawalPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.bitcoinj.core.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wallet plans without keys and keeps only the signature of its plan: real dbay-dogecoin plans
 * from the watch-only xpub, real signatures from the seed (as the blockchain-broadcaster makes
 * them), real decoding.
 */
class WithdrawalSignatureTest {

  private static final String PAYEE = "mkz4vgSmWWV9Y5T7C5fwv441fmqrzjjaMc";
  private static final String SOMEONE_ELSE = "n3jS4RHHMbAyv64oiwXtUm88jDtLbGL5AU";
  private static HdSigner keys;

  private final InMemoryWallet wallet = new InMemoryWallet();
  private final InMemoryCoins coins = new InMemoryCoins();
  private final FakeChain chain = new FakeChain();
  private final WithdrawalService withdrawals =
      new WithdrawalService(
          wallet,
          wallet,
          wallet,
          wallet,
          new DogecoinAddressValidator(InMemoryCoins.NET),
          coins,
          new DogecoinTransactionReader(InMemoryCoins.NET),
          chain,
          new WithdrawalPolicy(
              Doge.ofDoge(1), Doge.ofDoge(100_000), Doge.ofDoge(1_000), Doge.parse("0.1")),
          Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));
  private final UserId bob = new UserId("bob");

  @BeforeAll
  static void theSignersSeed() {
    keys = HdSigner.fromMnemonic(DevSigner.PHRASE, "", InMemoryCoins.NET);
  }

  @AfterAll
  static void wipe() {
    keys.close();
  }

  @BeforeEach
  void bobHasFundsAndTheHotWalletHasCoins() {
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
    coins.add("ab".repeat(32), 3, Doge.ofDoge(50), 1);
  }

  private WithdrawalId request(String amount) {
    return new WithdrawalId(
        UUID.fromString(
            withdrawals
                .request(bob, UUID.randomUUID().toString(), PAYEE, Doge.parse(amount))
                .id()));
  }

  private static TransactionPlan toSign(WithdrawalPlan plan) {
    return DevSigner.toSign(plan);
  }

  private static TransactionPlan with(
      TransactionPlan p, List<Payment> payments, long change, long fee) {
    int outputs = payments.size() + (change > 0 ? 1 : 0);
    return new TransactionPlan(
        p.inputs(),
        payments,
        p.changeAddress(),
        change,
        fee,
        TransactionSizes.exactSize(p.inputs().size(), outputs),
        FeePolicy.DEFAULT);
  }

  private static Payment pay(String address, long koinu) {
    return new Payment(DogecoinAddress.parse(address, InMemoryCoins.NET), koinu);
  }

  @Test
  void theWalletPlansOnceFromTheXpubAndARepeatReturnsTheSamePlan() {
    WithdrawalId id = request("120");

    WithdrawalService.PlannedWithdrawal first = withdrawals.plan(id);
    WithdrawalService.PlannedWithdrawal again = withdrawals.plan(id);

    assertThat(first.withdrawal().status()).isEqualTo("PLANNED");
    assertThat(again.plan()).isEqualTo(first.plan());
    assertThat(coins.plans).as("coins chosen once").isEqualTo(1);
    WithdrawalPlan plan = first.plan();
    assertThat(plan.inputs())
        .extracting(WithdrawalPlan.Input::outpoint)
        .containsExactly("ef".repeat(32) + ":0");
    assertThat(plan.outputs().getFirst())
        .isEqualTo(new WithdrawalPlan.Output(PAYEE, Doge.ofDoge(120), null));
    assertThat(plan.outputs().get(1).address())
        .as("change on m/44'/3'/0'/1/0, from the xpub")
        .isEqualTo("mhoVw8zmRcZjxG7Zg4GhwQPBrsFrPDRJdh");
    assertThat(plan.size()).isEqualTo(225);
    assertThat(plan.fee())
        .as("0.01 DOGE per kB of the exact signed size")
        .isEqualTo(Doge.ofKoinu(225_000));
    assertThat(coins.spent).containsOnlyKeys("ef".repeat(32) + ":0");
    assertThat(withdrawals.get(bob, false, id).networkFee()).isEqualTo(225_000L);
  }

  @Test
  void aWithdrawalWaitingForAnAdminIsNotPlannedAndAPlannedOneCanNoLongerBeRejected() {
    WithdrawalId big = request("1001");
    assertThat(withdrawals.plan(big).plan()).isNull();
    assertThat(coins.plans).isZero();

    WithdrawalId id = request("5");
    withdrawals.plan(id);
    assertThatThrownBy(() -> withdrawals.reject(id, "too late"))
        .isInstanceOf(WalletException.InvalidState.class);
  }

  @Test
  void theSignatureOfThePlanIsKeptOnceAndTheSameTransactionAgainReturnsTheSameResult() {
    WithdrawalId id = request("120");
    WithdrawalPlan plan = withdrawals.plan(id).plan();
    String raw = keys.signAsPlanned(toSign(plan)).rawHex();

    WithdrawalService.PlannedWithdrawal signed = withdrawals.recordSignature(id, raw);
    WithdrawalService.PlannedWithdrawal again = withdrawals.recordSignature(id, raw.toUpperCase());

    assertThat(signed.withdrawal().status()).isEqualTo("SIGNED");
    assertThat(signed.rawTransaction()).isEqualTo(raw);
    assertThat(signed.withdrawal().txid())
        .isEqualTo(TransactionCodec.decode(raw, InMemoryCoins.NET).txid());
    assertThat(again).isEqualTo(signed);
    assertThat(withdrawals.plan(id).rawTransaction())
        .as("a repeat of the plan step returns the stored bytes")
        .isEqualTo(raw);
    assertThat(coins.change)
        .as("no coin from change before its transaction is confirmed")
        .isEmpty();
  }

  @Test
  void aTransactionSpendingOtherCoinsIsRefused() {
    WithdrawalId id = request("20");
    TransactionPlan planned = toSign(withdrawals.plan(id).plan());
    Utxo other =
        new Utxo(
            "ab".repeat(32),
            3,
            Doge.ofDoge(50).koinu(),
            coins.account.receiveAddress(1),
            Bip44Path.receive(0, 1));
    TransactionPlan otherCoins =
        TransactionPlanner.planExact(
            List.of(other), planned.payments(), planned.changeAddress(), FeePolicy.DEFAULT);

    assertRefused(id, keys.signAsPlanned(otherCoins).rawHex(), "spends");
  }

  @Test
  void aTransactionWithAnotherOutputAnotherFeeAnotherAmountOrAnotherPayeeIsRefused() {
    WithdrawalId id = request("120");
    TransactionPlan p = toSign(withdrawals.plan(id).plan());
    long change = p.change();
    long fee = p.fee();
    long extraFee = FeePolicy.DEFAULT.feeFor(TransactionSizes.exactSize(1, 3)) - fee;

    TransactionPlan anotherOutput =
        with(
            p,
            List.of(p.payments().getFirst(), pay(SOMEONE_ELSE, Doge.ofDoge(1).koinu())),
            change - Doge.ofDoge(1).koinu() - extraFee,
            fee + extraFee);
    TransactionPlan anotherFee = with(p, p.payments(), change - 1_000, fee + 1_000);
    TransactionPlan anotherAmount =
        with(
            p, List.of(pay(PAYEE, Doge.ofDoge(119).koinu())), change + Doge.ofDoge(1).koinu(), fee);
    TransactionPlan anotherPayee =
        with(p, List.of(pay(SOMEONE_ELSE, Doge.ofDoge(120).koinu())), change, fee);

    assertRefused(id, keys.signAsPlanned(anotherOutput).rawHex(), "outputs");
    assertRefused(id, keys.signAsPlanned(anotherFee).rawHex(), "output 1 pays");
    assertRefused(
        id, keys.signAsPlanned(anotherAmount).rawHex(), "output 0 pays 119.00000000 DOGE");
    assertRefused(id, keys.signAsPlanned(anotherPayee).rawHex(), "to " + SOMEONE_ELSE);
    assertRefused(id, "00ff", "not a valid signed transaction");
  }

  @Test
  void thePlannedTransactionWithASignatureThatDoesNotVerifyIsRefused() {
    WithdrawalId id = request("120");
    TransactionPlan p = toSign(withdrawals.plan(id).plan());
    String good = keys.signAsPlanned(p).rawHex();
    String otherMessage =
        keys.signAsPlanned(with(p, p.payments(), p.change() - 1_000, p.fee() + 1_000)).rawHex();
    // the planned outputs with the input script of another transaction: decodes fine, its signature
    // is for other bytes
    Transaction forged = TransactionCodec.parse(HexFormat.of().parseHex(good));
    Transaction donor = TransactionCodec.parse(HexFormat.of().parseHex(otherMessage));
    forged.replaceInput(0, forged.getInput(0).withScriptSig(donor.getInput(0).getScriptSig()));

    assertRefused(id, HexFormat.of().formatHex(forged.serialize()), "signatures do not verify");
  }

  @Test
  void afterASignatureWasKeptAnotherOneIsRefusedAsAConflictAndTheFirstStays() {
    WithdrawalId id = request("120");
    TransactionPlan p = toSign(withdrawals.plan(id).plan());
    String first = keys.signAsPlanned(p).rawHex();
    withdrawals.recordSignature(id, first);

    String other =
        keys.signAsPlanned(with(p, p.payments(), p.change() - 1_000, p.fee() + 1_000)).rawHex();
    assertThatThrownBy(() -> withdrawals.recordSignature(id, other))
        .isInstanceOfSatisfying(
            WalletException.InvalidState.class,
            e -> assertThat(e.code()).isEqualTo("withdrawal-signed"));
    assertThat(withdrawals.plan(id).rawTransaction()).isEqualTo(first);
  }

  @Test
  void aStuckWithdrawalIsFlaggedOnceKeepsItsFundsInFlightAndStillSettlesOnceWhenItConfirms() {
    WithdrawalId id = request("120");
    String raw = keys.signAsPlanned(toSign(withdrawals.plan(id).plan())).rawHex();
    String txid = withdrawals.recordSignature(id, raw).withdrawal().txid();
    assertThatThrownBy(() -> withdrawals.flagStuck(request("3"), 60))
        .as("only a sent transaction can be stuck")
        .isInstanceOf(WalletException.InvalidState.class);
    wallet.forgetPublished();

    assertThat(withdrawals.flagStuck(id, 60).status()).isEqualTo("STUCK");
    assertThat(withdrawals.flagStuck(id, 61).status()).isEqualTo("STUCK");
    assertThat(withdrawalEvents()).as("one WithdrawalStuck event").containsExactly("STUCK");
    assertThat(withdrawals.withStatus(Withdrawal.Status.STUCK, 10))
        .extracting(WithdrawalService.WithdrawalView::id)
        .containsExactly(id.toString());
    assertThat(wallet.balance(AccountId.platform(AccountKind.WITHDRAWALS_IN_FLIGHT)))
        .isEqualTo(Doge.parse("120.1").plus(Doge.parse("3.1")));
    assertThat(wallet.audit().problems()).isEmpty();

    withdrawals.broadcast(id);
    assertThat(chain.broadcasts).as("the same bytes, nothing re-signed").containsExactly(raw);
    assertThat(withdrawals.get(bob, false, id).status())
        .as("re-broadcasting does not clear the flag")
        .isEqualTo("STUCK");
    assertThat(coins.change).as("nothing spendable from a stuck transaction").isEmpty();
    chain.confirmations.put(txid, 6);
    assertThat(withdrawals.settleIfConfirmed(id, 6).status()).isEqualTo("COMPLETED");
    assertThat(withdrawals.settleIfConfirmed(id, 6).status()).isEqualTo("COMPLETED");
    assertThat(coins.change)
        .as("the change became spendable once, when confirmed")
        .containsExactly(txid + ":1");
    assertThat(withdrawalEvents()).containsExactly("STUCK", "COMPLETED");
    assertThatThrownBy(() -> withdrawals.flagStuck(id, 62))
        .isInstanceOf(WalletException.InvalidState.class);
    // 2000 - 120 - 3.1 still in flight - the 0.00225 network fee
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.parse("1876.89775"));
    assertThat(wallet.audit().problems()).isEmpty();
  }

  /** The status of each withdrawal event the saved withdrawals published, in order. */
  private List<String> withdrawalEvents() {
    return wallet.published().stream()
        .filter(WithdrawalEvent.class::isInstance)
        .map(e -> ((WithdrawalEvent) e).status())
        .toList();
  }

  private void assertRefused(WithdrawalId id, String raw, String why) {
    assertThatThrownBy(() -> withdrawals.recordSignature(id, raw))
        .isInstanceOf(WalletException.InvalidRequest.class)
        .hasMessageContaining(why);
    assertThat(withdrawals.get(bob, false, id).status()).isEqualTo("PLANNED");
    assertThat(withdrawals.plan(id).rawTransaction()).isNull();
  }
}
