package com.dbay.dogecoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vectors from Dogecoin Core's src/test/data/base58_keys_valid.json and src/test/key_tests.cpp
 * (strAddressBad).
 */
class DogecoinAddressTest {

  @ParameterizedTest(name = "{0} on {2} is {3} of {1}")
  @CsvSource({
    "DD4KSSuBJqcjuTcvUg1CgUKeurPUFeEZkE, 56d9b1d684d5abef32134ebc6883d75d3a53e9be, MAINNET, P2PKH",
    "A7HRQk3GFCW2QasvdZxXuYj8kkQK5QrYLs, a2dd71f34fe73314d6e37c44035513f203aa400b, MAINNET, P2SH",
    "DBjW6kna7rUPE4Mj9j4B3oK3xVA1SDHrdt, 485290865b407657e0aedbdbb4aa6618310af50d, MAINNET, P2PKH",
    "9zYnVRaekPtdKBYuPw5QiBtv3NNrzD2LLW, 58fc66bf64b3c8d8accd80110bb6df6c13735937, MAINNET, P2SH",
    "nhRsrUaxZou6sewjqaS37cJrMRJRgwVXdk, 9131c29384f000c0d651660eefaf1717c8ca1855, TESTNET, P2PKH",
    "2MsvyG12kxxipe276Au4zKqvd2xdrBuHWb3, 078457e357c6c4d8736515d14482089dd2a1f9f8, TESTNET, P2SH",
    "ngbSgr1dhCqsLg6Z5tpsaCspwrH72x2Zk3, 8808c94daaa2e4f53102703b2c3de534d670e87e, TESTNET, P2PKH",
  })
  void parsesDogecoinCoreVectorsAndEncodesThemBack(
      String text, String hash, DogecoinNetwork network, DogecoinAddress.Type type) {
    DogecoinAddress a = DogecoinAddress.parse(text, network);
    assertThat(a.hash160Hex()).isEqualTo(hash);
    assertThat(a.type()).isEqualTo(type);
    assertThat(a.toBase58()).isEqualTo(text);
    assertThat(DogecoinAddress.fromScriptPubKey(a.scriptPubKey().program(), network)).contains(a);
  }

  @Test
  void rejectsAnAddressWhoseChecksumFailsAsABadChecksum() {
    assertThatThrownBy(
            () ->
                DogecoinAddress.parse(
                    "DRjyUS2uuieEPkhZNdQz8hE5YycxVEqSXA", DogecoinNetwork.MAINNET))
        .isInstanceOfSatisfying(
            DogecoinFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(DogecoinFormatException.Reason.BAD_CHECKSUM));
  }

  @Test
  void rejectsAMainnetAddressOnTestnetAndTheOtherWayRound() {
    assertThatThrownBy(
            () ->
                DogecoinAddress.parse(
                    "DD4KSSuBJqcjuTcvUg1CgUKeurPUFeEZkE", DogecoinNetwork.TESTNET))
        .isInstanceOfSatisfying(
            DogecoinFormatException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(DogecoinFormatException.Reason.WRONG_NETWORK);
              assertThat(e.getMessage()).contains("main");
            });
    assertThatThrownBy(
            () ->
                DogecoinAddress.parse(
                    "nhRsrUaxZou6sewjqaS37cJrMRJRgwVXdk", DogecoinNetwork.MAINNET))
        .isInstanceOfSatisfying(
            DogecoinFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(DogecoinFormatException.Reason.WRONG_NETWORK));
  }

  @Test
  void rejectsABitcoinAddressAsWrongNetwork() {
    // Bitcoin's genesis coinbase address, version 0x00
    assertThatThrownBy(
            () ->
                DogecoinAddress.parse(
                    "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", DogecoinNetwork.MAINNET))
        .isInstanceOfSatisfying(
            DogecoinFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(DogecoinFormatException.Reason.WRONG_NETWORK));
  }

  @Test
  void rejectsGarbageAsMalformed() {
    for (String bad : new String[] {"", "not an address", "D0OIl", "DD4KSS"}) {
      assertThatThrownBy(() -> DogecoinAddress.parse(bad, DogecoinNetwork.MAINNET))
          .isInstanceOfSatisfying(
              DogecoinFormatException.class,
              e ->
                  assertThat(e.reason())
                      .isIn(
                          DogecoinFormatException.Reason.MALFORMED,
                          DogecoinFormatException.Reason.BAD_CHECKSUM));
    }
  }

  @Test
  void refusesToTreatAP2shAddressAsPayable() {
    assertThatThrownBy(
            () ->
                DogecoinAddress.parseP2pkh(
                    "A7HRQk3GFCW2QasvdZxXuYj8kkQK5QrYLs", DogecoinNetwork.MAINNET))
        .isInstanceOfSatisfying(
            DogecoinFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(DogecoinFormatException.Reason.UNSUPPORTED_TYPE));
  }

  @Test
  void regtestAddressesUseVersion0x6fAndShareTestnetsP2shVersion() {
    byte[] hash = new byte[20];
    hash[19] = 1;
    DogecoinAddress regtest = DogecoinAddress.p2pkh(DogecoinNetwork.REGTEST, hash);
    assertThat(regtest.toBase58()).startsWith("m");
    assertThat(DogecoinAddress.parse(regtest.toBase58(), DogecoinNetwork.REGTEST))
        .isEqualTo(regtest);
    assertThatThrownBy(() -> DogecoinAddress.parse(regtest.toBase58(), DogecoinNetwork.TESTNET))
        .isInstanceOf(DogecoinFormatException.class);
    assertThat(DogecoinAddress.p2pkh(DogecoinNetwork.MAINNET, hash).toBase58()).startsWith("D");
  }
}
