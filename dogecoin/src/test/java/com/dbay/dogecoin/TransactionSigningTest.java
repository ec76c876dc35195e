package com.dbay.dogecoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransactionSigningTest {

  static HdSigner signer;
  static final DogecoinNetwork NET = DogecoinNetwork.REGTEST;

  @BeforeAll
  static void open() {
    signer = HdSigner.fromMnemonic(HdDerivationTest.PHRASE, "", NET);
  }

  @AfterAll
  static void close() {
    signer.close();
  }

  static Utxo utxo(int n, long value, Bip44Path path) {
    String txid = Sha256Hash.of(new byte[] {(byte) n}).toString();
    return new Utxo(txid, n % 3, value, signer.address(path), path);
  }

  static DogecoinAddress someoneElse() {
    byte[] h = new byte[20];
    h[0] = 42;
    return DogecoinAddress.p2pkh(NET, h);
  }

  /** Parses the raw bytes again and runs every input through bitcoinj's script interpreter. */
  static void assertEveryInputVerifies(String rawHex, List<Utxo> inputs) {
    Transaction tx = TransactionCodec.parse(HexFormat.of().parseHex(rawHex));
    for (int i = 0; i < inputs.size(); i++) {
      tx.getInput(i)
          .getScriptSig()
          .correctlySpends(
              tx, i, null, null, inputs.get(i).address().scriptPubKey(), Script.ALL_VERIFY_FLAGS);
    }
  }

  @Test
  void signsATransactionWhoseEveryInputTheScriptInterpreterAccepts() {
    List<Utxo> utxos =
        List.of(
            utxo(1, Doge.ofDoge(40).koinu(), Bip44Path.receive(0, 0)),
            utxo(2, Doge.ofDoge(25).koinu(), Bip44Path.receive(0, 1)),
            utxo(3, Doge.ofDoge(5).koinu(), Bip44Path.change(0, 0)));
    List<Payment> pay = List.of(new Payment(someoneElse(), Doge.ofDoge(66).koinu()));
    TransactionPlan plan =
        TransactionPlanner.plan(
            utxos, pay, signer.address(Bip44Path.change(0, 1)), FeePolicy.DEFAULT);
    assertThat(plan.inputs()).hasSize(3);

    SignedTransaction signed = signer.sign(plan);

    assertEveryInputVerifies(signed.rawHex(), plan.inputs());
    assertThat(signed.size()).isEqualTo(signed.rawHex().length() / 2);
    assertThat(signed.txid())
        .isEqualTo(
            Sha256Hash.wrapReversed(Sha256Hash.hashTwice(HexFormat.of().parseHex(signed.rawHex())))
                .toString());
    assertThat(signed.fee()).isEqualTo(FeePolicy.DEFAULT.feeFor(signed.size()));
    // three low-R inputs of 147 bytes, two outputs of 34, ten bytes of framing
    assertThat(signed.size()).isLessThanOrEqualTo(3 * 147 + 2 * 34 + 10);
    assertThat(signed.fee() + signed.change() + Doge.ofDoge(66).koinu())
        .isEqualTo(Doge.ofDoge(70).koinu());
    assertThat(signed.changeOutputIndex()).isEqualTo(1);
    assertThat(signed.size()).isLessThanOrEqualTo(plan.maxSize());

    DecodedTransaction decoded = TransactionCodec.decode(signed.rawHex(), NET);
    assertThat(decoded.txid()).isEqualTo(signed.txid());
    assertThat(decoded.outputs())
        .extracting(DecodedTransaction.Output::address)
        .containsExactly(someoneElse(), signer.address(Bip44Path.change(0, 1)));
    assertThat(decoded.outputs().get(1).value()).isEqualTo(signed.change());
    assertThat(decoded.inputs())
        .extracting(DecodedTransaction.Input::prevTxid)
        .containsExactlyElementsOf(plan.inputs().stream().map(Utxo::txid).toList());
  }

  @Test
  void signingTheSamePlanTwiceGivesTheSameBytes() {
    List<Utxo> utxos = List.of(utxo(4, Doge.ofDoge(10).koinu(), Bip44Path.receive(0, 2)));
    TransactionPlan plan =
        TransactionPlanner.plan(
            utxos,
            List.of(new Payment(someoneElse(), Doge.ofDoge(3).koinu())),
            signer.address(Bip44Path.change(0, 0)),
            FeePolicy.DEFAULT);
    assertThat(signer.sign(plan)).isEqualTo(signer.sign(plan));
  }

  @Test
  void aTamperedSignatureOrAmountNoLongerVerifies() {
    Utxo u = utxo(5, Doge.ofDoge(10).koinu(), Bip44Path.receive(0, 3));
    SignedTransaction signed =
        signer.sign(
            TransactionPlanner.plan(
                List.of(u),
                List.of(new Payment(someoneElse(), Doge.ofDoge(3).koinu())),
                signer.address(Bip44Path.change(0, 0)),
                FeePolicy.DEFAULT));
    byte[] raw = HexFormat.of().parseHex(signed.rawHex());
    // the signature's r value starts 5 bytes into the scriptSig (push, 0x30, len, 0x02, rlen)
    int scriptSigStart = 4 + 1 + 36 + 1;
    byte[] badSig = raw.clone();
    badSig[scriptSigStart + 10] ^= 0x01;
    assertThatThrownBy(() -> assertEveryInputVerifies(HexFormat.of().formatHex(badSig), List.of(u)))
        .isInstanceOf(ScriptException.class);

    Transaction tx = TransactionCodec.parse(raw);
    tx.replaceOutput(
        0,
        new org.bitcoinj.core.TransactionOutput(
            tx,
            org.bitcoinj.base.Coin.valueOf(Doge.ofDoge(4).koinu()),
            tx.getOutput(0).getScriptBytes()));
    assertThatThrownBy(
            () -> assertEveryInputVerifies(HexFormat.of().formatHex(tx.serialize()), List.of(u)))
        .isInstanceOf(ScriptException.class);
  }

  @Test
  void changeBelowTheDustLimitGoesToTheFee() {
    long payment = Doge.ofDoge(10).koinu() - Doge.parse("0.005").koinu();
    Utxo u = utxo(6, Doge.ofDoge(10).koinu(), Bip44Path.receive(0, 0));
    TransactionPlan plan =
        TransactionPlanner.plan(
            List.of(u),
            List.of(new Payment(someoneElse(), payment)),
            signer.address(Bip44Path.change(0, 0)),
            FeePolicy.DEFAULT);
    assertThat(plan.hasChange()).isFalse();
    SignedTransaction signed = signer.sign(plan);
    assertThat(signed.changeOutputIndex()).isEqualTo(-1);
    assertThat(signed.fee()).isEqualTo(Doge.parse("0.005").koinu());
    assertThat(signed.fee()).isGreaterThanOrEqualTo(FeePolicy.DEFAULT.feeFor(signed.size()));
    assertEveryInputVerifies(signed.rawHex(), plan.inputs());
  }

  @Test
  void refusesToCreateADustOutput() {
    Utxo u = utxo(7, Doge.ofDoge(10).koinu(), Bip44Path.receive(0, 0));
    assertThatThrownBy(
            () ->
                TransactionPlanner.plan(
                    List.of(u),
                    List.of(new Payment(someoneElse(), Doge.parse("0.009").koinu())),
                    null,
                    FeePolicy.DEFAULT))
        .isInstanceOfSatisfying(
            TransactionBuildException.class,
            e -> assertThat(e.reason()).isEqualTo(TransactionBuildException.Reason.DUST_OUTPUT));
  }

  @Test
  void saysHowMuchIsMissingWhenFundsDoNotCoverPaymentAndFee() {
    Utxo u = utxo(8, Doge.ofDoge(10).koinu(), Bip44Path.receive(0, 0));
    assertThatThrownBy(
            () ->
                TransactionPlanner.plan(
                    List.of(u),
                    List.of(new Payment(someoneElse(), Doge.ofDoge(10).koinu())),
                    null,
                    FeePolicy.DEFAULT))
        .isInstanceOfSatisfying(
            TransactionBuildException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(TransactionBuildException.Reason.INSUFFICIENT_FUNDS);
              assertThat(e.available()).isEqualTo(Doge.ofDoge(10).koinu());
              assertThat(e.needed()).isGreaterThan(Doge.ofDoge(10).koinu());
            });
  }

  @Test
  void selectsTheLargestCoinsFirstAndOnlyAsManyAsNeeded() {
    List<Utxo> utxos =
        List.of(
            utxo(9, Doge.ofDoge(1).koinu(), Bip44Path.receive(0, 0)),
            utxo(10, Doge.ofDoge(50).koinu(), Bip44Path.receive(0, 1)),
            utxo(11, Doge.ofDoge(20).koinu(), Bip44Path.receive(0, 2)),
            utxo(12, Doge.ofDoge(30).koinu(), Bip44Path.receive(0, 3)));
    TransactionPlan plan =
        TransactionPlanner.plan(
            utxos,
            List.of(new Payment(someoneElse(), Doge.ofDoge(70).koinu())),
            signer.address(Bip44Path.change(0, 0)),
            FeePolicy.DEFAULT);
    assertThat(plan.inputs())
        .extracting(Utxo::value)
        .containsExactly(Doge.ofDoge(50).koinu(), Doge.ofDoge(30).koinu());
    assertThat(
            TransactionPlanner.plan(
                utxos.reversed(),
                List.of(new Payment(someoneElse(), Doge.ofDoge(70).koinu())),
                signer.address(Bip44Path.change(0, 0)),
                FeePolicy.DEFAULT))
        .isEqualTo(plan);
  }

  @Test
  void perStartedKilobytePoliciesPayForWholeKilobytes() {
    List<Utxo> utxos = List.of(utxo(13, Doge.ofDoge(10).koinu(), Bip44Path.receive(0, 0)));
    TransactionPlan plan =
        TransactionPlanner.plan(
            utxos,
            List.of(new Payment(someoneElse(), Doge.ofDoge(2).koinu())),
            signer.address(Bip44Path.change(0, 0)),
            FeePolicy.PER_STARTED_KILOBYTE);
    SignedTransaction signed = signer.sign(plan);
    assertThat(signed.size()).isLessThan(1000);
    assertThat(signed.fee()).isEqualTo(Doge.parse("0.01").koinu());
    assertEveryInputVerifies(signed.rawHex(), plan.inputs());
  }

  @Test
  void refusesToSignAnInputWithAPathThatDoesNotOwnIt() {
    Utxo wrong =
        new Utxo(
            Sha256Hash.of(new byte[] {14}).toString(),
            0,
            Doge.ofDoge(10).koinu(),
            signer.address(Bip44Path.receive(0, 0)),
            Bip44Path.receive(0, 1));
    TransactionPlan plan =
        TransactionPlanner.plan(
            List.of(wrong),
            List.of(new Payment(someoneElse(), Doge.ofDoge(2).koinu())),
            null,
            FeePolicy.DEFAULT);
    assertThatThrownBy(() -> signer.sign(plan)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acrossManyShapesTheFeeAlwaysPaysForTheExactSignedSize() {
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 40; round++) {
      int n = 1 + random.nextInt(6);
      List<Utxo> utxos = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        utxos.add(
            utxo(
                100 + round * 10 + i,
                Doge.ofDoge(1 + random.nextInt(50)).koinu(),
                Bip44Path.receive(0, random.nextInt(4))));
      }
      long total = utxos.stream().mapToLong(Utxo::value).sum();
      long amount = Math.max(Doge.parse("0.01").koinu(), total / 2 - random.nextInt(1_000_000));
      TransactionPlan plan =
          TransactionPlanner.plan(
              utxos,
              List.of(new Payment(someoneElse(), amount)),
              signer.address(Bip44Path.change(0, 0)),
              FeePolicy.DEFAULT);
      SignedTransaction signed = signer.sign(plan);
      long required = FeePolicy.DEFAULT.feeFor(signed.size());
      assertThat(signed.fee()).isGreaterThanOrEqualTo(required);
      if (signed.changeOutputIndex() >= 0) {
        // low-R signatures keep the size stable, so the fee settles on the exact size
        assertThat(signed.fee()).isLessThanOrEqualTo(required + 16);
      }
      assertThat(signed.fee() + signed.change() + amount).isEqualTo(plan.inputTotal());
      assertEveryInputVerifies(signed.rawHex(), plan.inputs());
    }
  }
}
