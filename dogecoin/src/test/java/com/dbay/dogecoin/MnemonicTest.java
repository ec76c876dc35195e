package com.dbay.dogecoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * BIP39 vectors of trezor/python-mnemonic vectors.json (passphrase "TREZOR"), as bitcoinj's
 * MnemonicCodeVectorsTest carries them, plus its empty-passphrase vectors.
 */
class MnemonicTest {

  @ParameterizedTest(name = "entropy {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "00000000000000000000000000000000|abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about|c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04|TREZOR",
        "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f|legal winner thank year wave sausage worth useful legal winner thank yellow|2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee6260e8d9739fce1f607|TREZOR",
        "80808080808080808080808080808080|letter advice cage absurd amount doctor acoustic avoid letter advice cage above|d71de856f81a8acc65e6fc851a38d4d7ec216fd0796d0a6827a3ad6ed5511a30fa280f12eb2e47ed2ac03b5c462a0358d18d69fe4f985ec81778c1b370b652a8|TREZOR",
        "ffffffffffffffffffffffffffffffff|zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong|ac27495480225222079d7be181583751e86f571027b0497b5b5d11218e0a8a13332572917f0f8e5a589620c6f15b11c61dee327651a14c34e18231052e48c069|TREZOR",
        "9e885d952ad362caeb4efe34a8e91bd2|ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic|274ddc525802f7c828d8ef7ddbcdc5304e87ac3535913611fbbfa986d0c9e5476c91689f9c8a54fd55bd38606aa6a8595ad213d4c9c9f9aca3fb217069a41028|TREZOR",
        "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c|hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length|64c87cde7e12ecf6704ab95bb1408bef047c22db4cc7491c4271d170a1b213d20b385bc1588d9c7b38f1b39d415665b8a9030c9ec653d75e65f847d8fc1fc440|TREZOR",
        "00000000000000000000000000000000|abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about|5eb00bbddcf069084889a8ab9155568165f5c453ccb85e70811aaed6f6da5fc19a5ac40b389cd370d086206dec8aa6c43daea6690f20ad3d8d48b2d2ce9e38e4|",
      })
  void turnsEntropyIntoTheMnemonicAndTheMnemonicIntoTheSeed(
      String entropy, String mnemonic, String seed, String passphrase) {
    assertThat(Mnemonic.fromEntropy(HexFormat.of().parseHex(entropy))).isEqualTo(mnemonic);
    assertThat(
            HexFormat.of()
                .formatHex(Mnemonic.toSeed(mnemonic, passphrase == null ? "" : passphrase)))
        .isEqualTo(seed);
  }

  @Test
  void rejectsAPhraseWhoseChecksumWordIsWrong() {
    assertThatThrownBy(
            () ->
                Mnemonic.validate(
                    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"))
        .isInstanceOfSatisfying(
            DogecoinFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(DogecoinFormatException.Reason.BAD_CHECKSUM));
  }

  @Test
  void rejectsWordsOutsideTheListAndWrongLengths() {
    assertThatThrownBy(() -> Mnemonic.validate("abandon abandon doge"))
        .isInstanceOf(DogecoinFormatException.class);
    assertThatThrownBy(
            () ->
                Mnemonic.validate(
                    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon dogecoin"))
        .isInstanceOf(DogecoinFormatException.class);
  }

  @Test
  void generatesValidPhrasesOfTheAskedStrength() {
    String phrase = Mnemonic.generate(256, new SecureRandom());
    assertThat(phrase.split(" ")).hasSize(24);
    Mnemonic.validate(phrase);
  }
}
