package com.dbay.dogecoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors from Dogecoin Core's src/test/key_tests.cpp and src/test/data/base58_keys_valid.json. */
class WifTest {

  @ParameterizedTest(name = "{0} is the key of {1}")
  @CsvSource({
    "6JFPe8b4jbpup7petSB98M8tcaqXCigji8fGrC8bEbbDQxQkQ68, DSpgzjPyfQB6ZzeSbMWpaZiTTxGf2oBCs4, false",
    "6KLE6U3w8x3rM7nA1ZQxR4KnyEzeirPEt4YaXWdY4roF7Tt96rq, DR9VqfbWgEHZhNst34KQnABQXpPWXeLAJD, false",
    "QP8WvtVMV2iU6y7LE27ksRspp4MAJizPWYovx88W71g1nfSdAhkV, D8jZ6R8uuyQwiybupiVs3eDCedKdZ5bYV3, true",
    "QTuro8Pwx5yaonvJmU4jbBfwuEmTViyAGNeNyfnG82o7HWJmnrLj, DP7rGcDbpAvMb1dKup981zNt1heWUuVLP7, true",
  })
  void decodesDogecoinCoreKeysToTheirAddressesAndEncodesThemBack(
      String wif, String address, boolean compressed) {
    Wif.Decoded d = Wif.decode(wif, DogecoinNetwork.MAINNET);
    assertThat(d.compressed()).isEqualTo(compressed);
    assertThat(DogecoinAddress.fromKey(DogecoinNetwork.MAINNET, d.key()).toBase58())
        .isEqualTo(address);
    assertThat(Wif.encode(d.key(), DogecoinNetwork.MAINNET)).isEqualTo(wif);
  }

  @ParameterizedTest(name = "{0} on {2} holds {1}")
  @CsvSource({
    "6K7a8wZW8A1oZxNd7wZz8PhgAAaDxybkzNpD1sGVvmSaBmc3Hg2, 81517fd848ebfeda7e2c684e7a3f5ebbb28b15d52d33d8a201d8873a0cdaf761, MAINNET",
    "6KVnGBP927t1rfowDpRcqYyE7WUX9w814iCNyYwtQEqKxEq8kBa, b3bf28e85693936da055bc47e846657173e08ad30e143aaf2825ebacac325d6a, MAINNET",
    "96MAePnF8ppQm8165ABvzSEShnNy3vgxjmMhcqEkQVZ9FtPV2XL, 73423bf1fa6526ee571f3b4b4ad19799c81d40ce5c18a37d87dc38b55746627d, TESTNET",
    "95zguKdTJ9FznRvT4oUuBdqUxfrXe6qZby53E1GKsc1y5K713pe, 44c29c1910335047e44cf55d71d6a98b9935014016820532f067b6546b619cbf, TESTNET",
  })
  void decodesUncompressedKeysOfBothNetworks(
      String wif, String secretHex, DogecoinNetwork network) {
    Wif.Decoded d = Wif.decode(wif, network);
    assertThat(d.compressed()).isFalse();
    assertThat(d.key().getPrivateKeyAsHex()).isEqualTo(secretHex);
    assertThat(Wif.encode(d.key(), network)).isEqualTo(wif);
  }

  @Test
  void roundTripsFreshKeysOnEveryNetwork() {
    for (DogecoinNetwork n : DogecoinNetwork.values()) {
      ECKey key = new ECKey();
      String wif = Wif.encode(key, n);
      Wif.Decoded d = Wif.decode(wif, n);
      assertThat(d.key().getPrivKey()).isEqualTo(key.getPrivKey());
      assertThat(d.compressed()).isTrue();
    }
    assertThat(
            Wif.encode(
                ECKey.fromPrivate(
                    HexFormat.of()
                        .parseHex(
                            "0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d")),
                DogecoinNetwork.TESTNET))
        .startsWith("c");
  }

  @Test
  void rejectsAMainnetKeyOnTestnet() {
    assertThatThrownBy(
            () ->
                Wif.decode(
                    "QP8WvtVMV2iU6y7LE27ksRspp4MAJizPWYovx88W71g1nfSdAhkV",
                    DogecoinNetwork.TESTNET))
        .isInstanceOfSatisfying(
            DogecoinFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(DogecoinFormatException.Reason.WRONG_NETWORK));
  }

  @Test
  void neverShowsTheSecretInToString() {
    Wif.Decoded d =
        Wif.decode("6JFPe8b4jbpup7petSB98M8tcaqXCigji8fGrC8bEbbDQxQkQ68", DogecoinNetwork.MAINNET);
    assertThat(d.toString()).doesNotContain(d.key().getPrivateKeyAsHex()).contains("redacted");
  }

  /**
   * key_tests.cpp "test deterministic signing": the DER signature constants there (kept unchanged
   * in Dogecoin Core's copy) belong to Bitcoin Core's strSecret1
   * 5HxWvvfubhXpYYpS3tJkw6fq9jE9j18THftkZjHHfmFiWtmAbrj, secret 12b004ff…. The keys this library
   * signs with produce exactly Core's RFC 6979 signature.
   */
  @Test
  void signsDeterministicallyExactlyAsCoreDoes() {
    Sha256Hash hash =
        Sha256Hash.twiceOf("Very deterministic message".getBytes(StandardCharsets.UTF_8));
    byte[] versionAndSecret =
        org.bitcoinj.base.Base58.decodeChecked(
            "5HxWvvfubhXpYYpS3tJkw6fq9jE9j18THftkZjHHfmFiWtmAbrj");
    ECKey key = ECKey.fromPrivate(java.util.Arrays.copyOfRange(versionAndSecret, 1, 33), false);
    assertThat(key.getPrivateKeyAsHex())
        .isEqualTo("12b004fff7f4b69ef8650e767f18f11ede158148b425660723b9f9a66e61f747");
    assertThat(HexFormat.of().formatHex(key.sign(hash).encodeToDER()))
        .isEqualTo(
            "304402205dbbddda71772d95ce91cd2d14b592cfbc1dd0aabd6a394b6c2d377bbe59d31d022014ddda21494a4e221f0824f0b8b924c43fa43c0ad57dccdaa11f81a6bd4582f6");
  }
}
