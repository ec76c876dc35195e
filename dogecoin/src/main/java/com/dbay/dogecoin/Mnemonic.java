package com.dbay.dogecoin;

import static com.dbay.dogecoin.DogecoinFormatException.Kind.MNEMONIC;
import static com.dbay.dogecoin.DogecoinFormatException.Reason.BAD_CHECKSUM;
import static com.dbay.dogecoin.DogecoinFormatException.Reason.MALFORMED;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.bitcoinj.crypto.MnemonicCode;
import org.bitcoinj.crypto.MnemonicException;

/** BIP39 English mnemonics through bitcoinj's MnemonicCode. Never logs words or seeds. */
public final class Mnemonic {

  private Mnemonic() {}

  public static List<String> words(String phrase) {
    if (phrase == null || phrase.isBlank()) {
      throw new DogecoinFormatException(MNEMONIC, MALFORMED, "empty mnemonic");
    }
    return List.of(phrase.strip().split("\\s+"));
  }

  /** Checks word count, words and checksum. */
  public static void validate(String phrase) {
    try {
      MnemonicCode.INSTANCE.check(words(phrase));
    } catch (MnemonicException.MnemonicChecksumException e) {
      throw new DogecoinFormatException(MNEMONIC, BAD_CHECKSUM, "mnemonic checksum does not match");
    } catch (MnemonicException.MnemonicWordException e) {
      throw new DogecoinFormatException(
          MNEMONIC, MALFORMED, "mnemonic has a word outside the BIP39 English list");
    } catch (MnemonicException e) {
      throw new DogecoinFormatException(
          MNEMONIC, MALFORMED, "mnemonic has an invalid number of words");
    }
  }

  /** BIP39 seed (PBKDF2-HMAC-SHA512, 2048 rounds); validates the phrase first. */
  public static byte[] toSeed(String phrase, String passphrase) {
    validate(phrase);
    return MnemonicCode.toSeed(words(phrase), passphrase == null ? "" : passphrase);
  }

  public static String fromEntropy(byte[] entropy) {
    return String.join(" ", MnemonicCode.INSTANCE.toMnemonic(entropy));
  }

  /** A fresh mnemonic of {@code bits} entropy (128..256, multiple of 32). */
  public static String generate(int bits, SecureRandom random) {
    if (bits < 128 || bits > 256 || bits % 32 != 0) {
      throw new IllegalArgumentException("entropy bits must be 128..256 in steps of 32");
    }
    byte[] entropy = new byte[bits / 8];
    random.nextBytes(entropy);
    try {
      return fromEntropy(entropy);
    } finally {
      Arrays.fill(entropy, (byte) 0);
    }
  }
}
