package com.dbay.dogecoin;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.money.Doge;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.junit.jupiter.api.Test;

class BlockCodecTest {

  static byte[] coinbase(int height, DogecoinAddress to, long value) {
    Transaction tx = new Transaction();
    tx.addInput(TransactionInput.coinbaseInput(tx, new byte[] {3, (byte) height, 0, 0}));
    tx.addOutput(Coin.valueOf(value), to.scriptPubKey());
    return tx.serialize();
  }

  static DogecoinAddress address(int b) {
    byte[] h = new byte[20];
    h[0] = (byte) b;
    return DogecoinAddress.p2pkh(DogecoinNetwork.REGTEST, h);
  }

  @Test
  void readsBackABlockItSerializedWithItsHashAndTransactions() {
    byte[] cb = coinbase(1, address(1), Doge.ofDoge(10_000).koinu());
    byte[] block =
        BlockCodec.serialize(
            1, Sha256Hash.ZERO_HASH.toString(), 1_700_000_000L, 0x207fffffL, 7, List.of(cb));
    DecodedBlock d = BlockCodec.decode(block, DogecoinNetwork.REGTEST);
    assertThat(d.hash()).isEqualTo(BlockCodec.headerHash(java.util.Arrays.copyOf(block, 80)));
    assertThat(d.transactions()).hasSize(1);
    assertThat(d.transactions().getFirst().isCoinbase()).isTrue();
    assertThat(d.transactions().getFirst().outputs().getFirst().address()).isEqualTo(address(1));
    // a single transaction's merkle root is its txid
    assertThat(d.merkleRoot()).isEqualTo(d.transactions().getFirst().txid());
    assertThat(d.auxPow()).isFalse();
  }

  @Test
  void skipsTheAuxPowOfAMergeMinedBlock() throws Exception {
    byte[] cb = coinbase(2, address(2), Doge.ofDoge(10_000).koinu());
    byte[] plain =
        BlockCodec.serialize(
            0x00620104L,
            Sha256Hash.ZERO_HASH.toString(),
            1_700_000_000L,
            0x1b0404cbL,
            0,
            List.of(cb));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, 80);
    out.write(coinbase(99, address(9), 1)); // the parent chain's coinbase
    out.write(new byte[32]); // parent block hash
    out.write(new byte[] {1});
    out.write(new byte[32]);
    out.write(new byte[4]); // coinbase branch: one hash, index
    out.write(new byte[] {0});
    out.write(new byte[4]); // chain branch: empty, index
    out.write(new byte[80]); // parent header
    out.write(plain, 80, plain.length - 80);
    DecodedBlock d = BlockCodec.decode(out.toByteArray(), DogecoinNetwork.REGTEST);
    assertThat(d.auxPow()).isTrue();
    assertThat(d.transactions()).hasSize(1);
    assertThat(d.transactions().getFirst().outputs().getFirst().address()).isEqualTo(address(2));
    assertThat(d.hash()).isEqualTo(BlockCodec.headerHash(java.util.Arrays.copyOf(plain, 80)));
  }

  /**
   * Dogecoin mainnet block 371,337, the first merge-mined block, as Dogecoin Core serves it (AuxPoW
   * with a Litecoin parent). The bytes are libdohj's test fixture {@code
   * core/src/test/resources/org/bitcoinj/core/dogecoin_block371337.bin}
   * (github.com/dogecoin/libdohj, Apache License 2.0), written out as hex; its hash is the one
   * libdohj's {@code shouldParseBlock371337} expects. Encoded by another implementation than ours,
   * so a codec that only agrees with its own serializer cannot pass.
   */
  @Test
  void decodesARealMergeMinedMainnetBlockToItsKnownHashAndTransactionsMatchingItsMerkleRoot()
      throws Exception {
    String hex;
    try (var in = BlockCodecTest.class.getResourceAsStream("mainnet-block-371337.hex")) {
      hex = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
    }

    DecodedBlock d = BlockCodec.decode(hex, DogecoinNetwork.MAINNET);

    assertThat(d.hash())
        .isEqualTo("60323982f9c5ff1b5a954eac9dc1269352835f47c2c5222691d80f0d50dcf053");
    assertThat(d.auxPow()).isTrue();
    assertThat(d.version() >>> 16).as("Dogecoin's AuxPoW chain id").isEqualTo(98);
    assertThat(d.size()).isEqualTo(1704);
    assertThat(d.transactions()).hasSize(6);
    assertThat(d.transactions().getFirst().inputs().getFirst().coinbase()).isTrue();
    assertThat(d.transactions().stream().skip(1).allMatch(t -> !t.inputs().getFirst().coinbase()))
        .isTrue();
    // The transactions were cut where the AuxPoW really ends: their txids hash up to the header's
    // merkle root.
    byte[] root =
        BlockCodec.merkleRoot(
            d.transactions().stream()
                .map(t -> Sha256Hash.wrap(t.txid()).getReversedBytes())
                .toList());
    assertThat(Sha256Hash.wrapReversed(root).toString()).isEqualTo(d.merkleRoot());
  }

  @Test
  void computesTheMerkleRootOfSeveralTransactionsLikeBitcoin() {
    byte[] a = Sha256Hash.hashTwice(HexFormat.of().parseHex("01"));
    byte[] b = Sha256Hash.hashTwice(HexFormat.of().parseHex("02"));
    byte[] c = Sha256Hash.hashTwice(HexFormat.of().parseHex("03"));
    byte[] ab = Sha256Hash.hashTwice(a, b);
    byte[] cc = Sha256Hash.hashTwice(c, c);
    assertThat(BlockCodec.merkleRoot(List.of(a, b, c))).isEqualTo(Sha256Hash.hashTwice(ab, cc));
  }
}
