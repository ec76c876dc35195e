package com.dbay.devstack.dogecoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.dogecoin.Bip44Path;
import com.dbay.dogecoin.DogecoinAddress;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.FeePolicy;
import com.dbay.dogecoin.HdSigner;
import com.dbay.dogecoin.Payment;
import com.dbay.dogecoin.SignedTransaction;
import com.dbay.dogecoin.TransactionPlanner;
import com.dbay.dogecoin.Utxo;
import com.dbay.platform.money.Doge;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevChainTest {

  static final String PHRASE =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  static HdSigner signer;

  @TempDir Path dir;
  DevChain chain;

  @BeforeAll
  static void keys() {
    signer = HdSigner.fromMnemonic(PHRASE, "", DogecoinNetwork.REGTEST);
  }

  @AfterAll
  static void wipe() {
    signer.close();
  }

  static DevNodeConfig config(Path dir) {
    return DevNodeConfig.fromEnv(
        Map.of(
            "DBAY_DOGE_DATA_DIR",
            dir.toString(),
            "DBAY_DOGE_BLOCK_SECONDS",
            "0",
            "DBAY_DOGE_RPC_PORT",
            "0"));
  }

  @BeforeEach
  void open() {
    chain = new DevChain(config(dir), Clock.systemUTC());
    chain.open();
  }

  DogecoinAddress mine(int i) {
    return signer.address(Bip44Path.receive(0, i));
  }

  DogecoinAddress stranger() {
    return signer.address(Bip44Path.receive(1, 0));
  }

  /** Funds receive address i through the faucet and mines it; returns the spendable output. */
  Utxo funded(int i, long koinu) {
    String txid = chain.faucet(mine(i), koinu);
    chain.generate(1, null);
    return new Utxo(txid, 0, koinu, mine(i), Bip44Path.receive(0, i));
  }

  SignedTransaction spend(List<Utxo> inputs, long amount) {
    return signer.sign(
        TransactionPlanner.plan(
            inputs,
            List.of(new Payment(stranger(), amount)),
            signer.address(Bip44Path.change(0, 0)),
            FeePolicy.DEFAULT));
  }

  @Test
  void acceptsATransactionSignedByTheLibraryAndMinesIt() {
    Utxo u = funded(0, Doge.ofDoge(100).koinu());
    SignedTransaction tx = spend(List.of(u), Doge.ofDoge(40).koinu());

    assertThat(chain.sendRawTransaction(HexFormat.of().parseHex(tx.rawHex()))).isEqualTo(tx.txid());
    assertThat(chain.mempool()).extracting(e -> e.tx().txid()).containsExactly(tx.txid());
    assertThat(chain.utxo(u.txid(), 0)).isPresent();

    String block = chain.generate(1, null).getFirst();
    assertThat(chain.mempool()).isEmpty();
    assertThat(chain.transaction(tx.txid()))
        .hasValueSatisfying(e -> assertThat(e.getValue().hash()).isEqualTo(block));
    assertThat(chain.utxo(u.txid(), 0)).isEmpty();
    assertThat(chain.utxo(tx.txid(), 0))
        .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(Doge.ofDoge(40).koinu()));
    // sending it again once mined is "already in block chain", as on Dogecoin Core
    assertThatThrownBy(() -> chain.sendRawTransaction(HexFormat.of().parseHex(tx.rawHex())))
        .isInstanceOfSatisfying(
            RpcError.class, e -> assertThat(e.code()).isEqualTo(RpcError.VERIFY_ALREADY_IN_CHAIN));
  }

  @Test
  void rejectsATamperedSignature() {
    Utxo u = funded(0, Doge.ofDoge(100).koinu());
    byte[] raw = HexFormat.of().parseHex(spend(List.of(u), Doge.ofDoge(40).koinu()).rawHex());
    raw[4 + 1 + 36 + 1 + 10] ^= 1;
    assertThatThrownBy(() -> chain.sendRawTransaction(raw))
        .isInstanceOfSatisfying(
            RpcError.class,
            e -> {
              assertThat(e.code()).isEqualTo(RpcError.VERIFY_REJECTED);
              assertThat(e.getMessage()).contains("mandatory-script-verify-flag-failed");
            });
    assertThat(chain.mempool()).isEmpty();
  }

  @Test
  void rejectsADoubleSpendInTheMempoolAndAfterMining() {
    Utxo u = funded(0, Doge.ofDoge(100).koinu());
    SignedTransaction first = spend(List.of(u), Doge.ofDoge(40).koinu());
    SignedTransaction second = spend(List.of(u), Doge.ofDoge(41).koinu());
    chain.sendRawTransaction(HexFormat.of().parseHex(first.rawHex()));

    assertThatThrownBy(() -> chain.sendRawTransaction(HexFormat.of().parseHex(second.rawHex())))
        .isInstanceOfSatisfying(
            RpcError.class, e -> assertThat(e.getMessage()).contains("txn-mempool-conflict"));
    chain.generate(1, null);
    assertThatThrownBy(() -> chain.sendRawTransaction(HexFormat.of().parseHex(second.rawHex())))
        .isInstanceOfSatisfying(
            RpcError.class,
            e -> {
              assertThat(e.code()).isEqualTo(RpcError.VERIFY_ERROR);
              assertThat(e.getMessage()).isEqualTo("Missing inputs");
            });
  }

  @Test
  void rejectsAnUnknownInput() {
    Utxo ghost =
        new Utxo("11".repeat(32), 0, Doge.ofDoge(100).koinu(), mine(0), Bip44Path.receive(0, 0));
    SignedTransaction tx = spend(List.of(ghost), Doge.ofDoge(40).koinu());
    assertThatThrownBy(() -> chain.sendRawTransaction(HexFormat.of().parseHex(tx.rawHex())))
        .isInstanceOfSatisfying(
            RpcError.class, e -> assertThat(e.code()).isEqualTo(RpcError.VERIFY_ERROR));
  }

  @Test
  void rejectsATransactionPayingLessThanTheMinimumFee() {
    Utxo u = funded(0, Doge.ofDoge(100).koinu());
    FeePolicy stingy =
        new FeePolicy(
            Doge.parse("0.001").koinu(), FeePolicy.Rounding.EXACT_SIZE, Doge.parse("0.01").koinu());
    SignedTransaction tx =
        signer.sign(
            TransactionPlanner.plan(
                List.of(u),
                List.of(new Payment(stranger(), Doge.ofDoge(40).koinu())),
                signer.address(Bip44Path.change(0, 0)),
                stingy));
    assertThatThrownBy(() -> chain.sendRawTransaction(HexFormat.of().parseHex(tx.rawHex())))
        .isInstanceOfSatisfying(
            RpcError.class,
            e -> assertThat(e.getMessage()).startsWith("66: min relay fee not met"));
  }

  @Test
  void acceptsAChainOfUnconfirmedTransactions() {
    Utxo u = funded(0, Doge.ofDoge(100).koinu());
    SignedTransaction parent = spend(List.of(u), Doge.ofDoge(40).koinu());
    chain.sendRawTransaction(HexFormat.of().parseHex(parent.rawHex()));
    Utxo change =
        new Utxo(
            parent.txid(),
            parent.changeOutputIndex(),
            parent.change(),
            signer.address(Bip44Path.change(0, 0)),
            Bip44Path.change(0, 0));
    SignedTransaction child = spend(List.of(change), Doge.ofDoge(10).koinu());
    chain.sendRawTransaction(HexFormat.of().parseHex(child.rawHex()));
    chain.generate(1, null);
    assertThat(chain.utxo(child.txid(), 0)).isPresent();
  }

  @Test
  void aReorgThatReincludesPutsTheTransactionsIntoTheNewBlocks() {
    Utxo u = funded(0, Doge.ofDoge(100).koinu());
    SignedTransaction tx = spend(List.of(u), Doge.ofDoge(40).koinu());
    chain.sendRawTransaction(HexFormat.of().parseHex(tx.rawHex()));
    String oldBlock = chain.generate(1, null).getFirst();
    int height = chain.tipHeight();

    Map<String, Object> r = chain.reorg(2, false);

    assertThat(chain.tipHeight()).isEqualTo(height + 1);
    assertThat(chain.confirmations(chain.block(oldBlock).orElseThrow())).isEqualTo(-1);
    assertThat(r.get("reincluded"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .contains(tx.txid(), u.txid());
    assertThat(chain.transaction(tx.txid()))
        .hasValueSatisfying(
            e -> {
              assertThat(e.getValue()).isNotNull();
              assertThat(e.getValue().hash()).isNotEqualTo(oldBlock);
            });
    assertThat(chain.utxo(tx.txid(), 0)).isPresent();
  }

  @Test
  void aReorgThatOrphansDropsTheDepositAndWhatSpentIt() {
    Utxo deposit = funded(0, Doge.ofDoge(100).koinu());
    SignedTransaction spendOfIt = spend(List.of(deposit), Doge.ofDoge(40).koinu());
    chain.sendRawTransaction(HexFormat.of().parseHex(spendOfIt.rawHex()));

    Map<String, Object> r = chain.reorg(1, true);

    assertThat(r.get("orphaned"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .contains(deposit.txid());
    assertThat(chain.transaction(deposit.txid())).isEmpty();
    assertThat(chain.transaction(spendOfIt.txid())).isEmpty();
    assertThat(chain.utxo(deposit.txid(), 0)).isEmpty();
    assertThat(chain.mempool()).isEmpty();
  }

  @Test
  void invalidateBlockReturnsItsTransactionsToTheMempool() {
    Utxo u = funded(0, Doge.ofDoge(100).koinu());
    SignedTransaction tx = spend(List.of(u), Doge.ofDoge(40).koinu());
    chain.sendRawTransaction(HexFormat.of().parseHex(tx.rawHex()));
    String block = chain.generate(1, null).getFirst();
    chain.invalidateBlock(block);
    assertThat(chain.tip().hash()).isNotEqualTo(block);
    assertThat(chain.mempool()).extracting(e -> e.tx().txid()).containsExactly(tx.txid());
  }

  @Test
  void aRestartKeepsTheChainTheUtxoSetAndTheMempool() {
    Utxo u = funded(0, Doge.ofDoge(100).koinu());
    chain.reorg(1, false);
    chain.generate(3, mine(5));
    SignedTransaction pending = spend(List.of(u), Doge.ofDoge(40).koinu());
    chain.sendRawTransaction(HexFormat.of().parseHex(pending.rawHex()));
    String pendingFaucet = chain.faucet(mine(1), Doge.ofDoge(7).koinu());
    String tip = chain.tip().hash();
    int height = chain.tipHeight();
    long utxos = chain.utxoCount();

    DevChain reopened = new DevChain(config(dir), Clock.systemUTC());
    reopened.open();

    assertThat(reopened.tip().hash()).isEqualTo(tip);
    assertThat(reopened.tipHeight()).isEqualTo(height);
    assertThat(reopened.utxoCount()).isEqualTo(utxos);
    assertThat(reopened.mempool())
        .extracting(e -> e.tx().txid())
        .containsExactly(pending.txid(), pendingFaucet);
    reopened.generate(1, null);
    assertThat(reopened.utxo(pendingFaucet, 0)).isPresent();
    assertThat(reopened.utxo(pending.txid(), 0)).isPresent();
  }

  @Test
  void blocksAreRealHeadersLinkedByTheirDoubleSha256() {
    chain.generate(2, null);
    DevChain.Block tip = chain.tip();
    var decoded = com.dbay.dogecoin.BlockCodec.decode(tip.raw(), DogecoinNetwork.REGTEST);
    assertThat(decoded.hash()).isEqualTo(tip.hash());
    assertThat(decoded.previousBlockHash())
        .isEqualTo(chain.blockAt(tip.height() - 1).orElseThrow().hash());
    assertThat(decoded.merkleRoot()).isEqualTo(tip.merkleRoot());
  }

  /** One input (unsigned: the output checks come first), one output of {@code value} koinu. */
  byte[] unsignedPaying(Utxo from, long value) {
    org.bitcoinj.core.Transaction tx = new org.bitcoinj.core.Transaction();
    tx.addInput(
        new org.bitcoinj.core.TransactionInput(
            tx,
            new byte[0],
            new org.bitcoinj.core.TransactionOutPoint(
                from.vout(), org.bitcoinj.base.Sha256Hash.wrap(from.txid()))));
    tx.addOutput(org.bitcoinj.base.Coin.valueOf(Math.abs(value)), stranger().scriptPubKey());
    byte[] raw = tx.serialize();
    if (value < 0) {
      // value field of the only output: version 4, count 1, outpoint 36, empty script 1, sequence
      // 4, count 1
      java.nio.ByteBuffer.wrap(raw, 47, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(value);
    }
    return raw;
  }

  @Test
  void rejectsNegativeAndOutOfRangeOutputs() {
    Utxo u = funded(0, Doge.ofDoge(100).koinu());
    assertThatThrownBy(() -> chain.sendRawTransaction(unsignedPaying(u, -1)))
        .isInstanceOf(RpcError.class);
    assertThatThrownBy(() -> chain.sendRawTransaction(unsignedPaying(u, DevChain.MAX_MONEY + 1)))
        .isInstanceOfSatisfying(
            RpcError.class, e -> assertThat(e.getMessage()).contains("bad-txns-vout-toolarge"));
    assertThatThrownBy(
            () -> chain.sendRawTransaction(unsignedPaying(u, Doge.parse("0.0001").koinu())))
        .isInstanceOfSatisfying(
            RpcError.class, e -> assertThat(e.getMessage()).isEqualTo("64: dust"));
    assertThatThrownBy(() -> chain.sendRawTransaction(unsignedPaying(u, Doge.ofDoge(101).koinu())))
        .isInstanceOfSatisfying(
            RpcError.class, e -> assertThat(e.getMessage()).contains("bad-txns-in-belowout"));
    assertThatThrownBy(() -> chain.sendRawTransaction(new byte[] {1, 2, 3}))
        .isInstanceOfSatisfying(
            RpcError.class, e -> assertThat(e.code()).isEqualTo(RpcError.DESERIALIZATION));
  }

  @Test
  void aTornLastLineOfTheChainFileCostsOnlyThatBlock() throws Exception {
    chain.generate(3, null);
    String keep = chain.blockAt(2).orElseThrow().hash();
    Path file = dir.resolve("chain.dat");
    String text = java.nio.file.Files.readString(file);
    java.nio.file.Files.writeString(file, text.substring(0, text.length() - 40));

    DevChain reopened = new DevChain(config(dir), Clock.systemUTC());
    reopened.open();

    assertThat(reopened.tipHeight()).isEqualTo(2);
    assertThat(reopened.tip().hash()).isEqualTo(keep);
    reopened.generate(1, null);
    DevChain again = new DevChain(config(dir), Clock.systemUTC());
    again.open();
    assertThat(again.tipHeight()).isEqualTo(3);
  }
}
