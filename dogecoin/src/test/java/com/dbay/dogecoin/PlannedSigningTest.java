package com.dbay.dogecoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Planning without keys (watch-only) and signing exactly that plan elsewhere. */
class PlannedSigningTest {

  static HdSigner signer;
  static WatchOnlyAccount watchOnly;
  static final DogecoinNetwork NET = DogecoinNetwork.REGTEST;

  @BeforeAll
  static void open() {
    signer = HdSigner.fromMnemonic(HdDerivationTest.PHRASE, "", NET);
    watchOnly = WatchOnlyAccount.fromXpub(signer.accountXpub(0), NET);
  }

  @AfterAll
  static void close() {
    signer.close();
  }

  @Test
  void aPlanMadeFromTheXpubAloneIsSignedToExactlyItsSizeFeeAndOutputsForManyAmounts() {
    int shortOnes = 0;
    for (int n = 0; n < 60; n++) {
      List<Utxo> coins = new ArrayList<>();
      for (int i = 0; i < 1 + n % 4; i++) {
        Bip44Path path = Bip44Path.receive(0, i);
        coins.add(
            new Utxo(
                org.bitcoinj.base.Sha256Hash.of(new byte[] {(byte) n, (byte) i}).toString(),
                i,
                Doge.ofDoge(7).koinu() + n * 1_013L,
                watchOnly.receiveAddress(i),
                path));
      }
      long pay = Doge.ofDoge(3L * coins.size()).koinu() + n * 777L;
      TransactionPlan plan =
          TransactionPlanner.planExact(
              coins,
              List.of(new Payment(TransactionSigningTest.someoneElse(), pay)),
              watchOnly.changeAddress(n),
              FeePolicy.DEFAULT);

      SignedTransaction signed = signer.signAsPlanned(plan);

      assertThat(signed.size()).isEqualTo(plan.maxSize());
      assertThat(signed.fee())
          .isEqualTo(plan.fee())
          .isEqualTo(FeePolicy.DEFAULT.feeFor(signed.size()));
      assertThat(signed.change()).isEqualTo(plan.change());
      assertThat(signer.signAsPlanned(plan).rawHex())
          .as("same plan, same bytes")
          .isEqualTo(signed.rawHex());
      DecodedTransaction decoded = TransactionCodec.decode(signed.rawHex(), NET);
      assertThat(decoded.outputs().get(0).value()).isEqualTo(pay);
      assertThat(decoded.outputs().get(1).address()).isEqualTo(watchOnly.changeAddress(n));
      TransactionSigningTest.assertEveryInputVerifies(signed.rawHex(), plan.inputs());
      if (signer.sign(plan).size() < signed.size()) {
        shortOnes++;
      }
    }
    System.out.printf(
        "exact-length signing: %d of 60 transactions would have come out shorter with plain low-R%n",
        shortOnes);
  }

  @Test
  void anExactPlanIsOneBytePerInputSmallerThanTheBoundAndItsFeeMatches() {
    assertThat(TransactionSizes.exactSize(1, 2))
        .isEqualTo(TransactionSizes.maxSize(1, 2) - 1)
        .isEqualTo(225);
    Utxo coin =
        new Utxo(
            "aa".repeat(32),
            0,
            Doge.ofDoge(10).koinu(),
            watchOnly.receiveAddress(0),
            Bip44Path.receive(0, 0));
    TransactionPlan plan =
        TransactionPlanner.planExact(
            List.of(coin),
            List.of(new Payment(TransactionSigningTest.someoneElse(), Doge.ofDoge(4).koinu())),
            watchOnly.changeAddress(0),
            FeePolicy.DEFAULT);
    assertThat(plan.maxSize()).isEqualTo(225);
    assertThat(plan.fee()).isEqualTo(225_000);
    assertThat(plan.change()).isEqualTo(Doge.ofDoge(6).koinu() - 225_000);
  }

  @Test
  void refusesAPlanThatDoesNotBalanceOrIsSizedWrongAndAnInputItsSeedDoesNotOwn() {
    Utxo coin =
        new Utxo(
            "bb".repeat(32),
            1,
            Doge.ofDoge(10).koinu(),
            watchOnly.receiveAddress(2),
            Bip44Path.receive(0, 2));
    TransactionPlan plan =
        TransactionPlanner.planExact(
            List.of(coin),
            List.of(new Payment(TransactionSigningTest.someoneElse(), Doge.ofDoge(4).koinu())),
            watchOnly.changeAddress(1),
            FeePolicy.DEFAULT);
    TransactionPlan unbalanced =
        new TransactionPlan(
            plan.inputs(),
            plan.payments(),
            plan.changeAddress(),
            plan.change() - 5,
            plan.fee(),
            plan.maxSize(),
            plan.feePolicy());
    TransactionPlan missized =
        new TransactionPlan(
            plan.inputs(),
            plan.payments(),
            plan.changeAddress(),
            plan.change(),
            plan.fee(),
            plan.maxSize() + 1,
            plan.feePolicy());
    Utxo foreign =
        new Utxo(
            "cc".repeat(32),
            0,
            Doge.ofDoge(10).koinu(),
            TransactionSigningTest.someoneElse(),
            Bip44Path.receive(0, 2));
    TransactionPlan notOurs =
        new TransactionPlan(
            List.of(foreign),
            plan.payments(),
            plan.changeAddress(),
            plan.change(),
            plan.fee(),
            plan.maxSize(),
            plan.feePolicy());

    assertThatThrownBy(() -> signer.signAsPlanned(unbalanced))
        .hasMessageContaining("does not balance");
    assertThatThrownBy(() -> signer.signAsPlanned(missized)).hasMessageContaining("sized");
    assertThatThrownBy(() -> signer.signAsPlanned(notOurs)).hasMessageContaining("derives");
  }
}
