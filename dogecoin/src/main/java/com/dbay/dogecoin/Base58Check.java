package com.dbay.dogecoin;

import java.util.Arrays;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.base.exceptions.AddressFormatException;

/** Base58Check decoding that tells a bad checksum apart from a malformed string. */
final class Base58Check {

  private Base58Check() {}

  /** Returns version + payload (checksum stripped). */
  static byte[] decode(String text, DogecoinFormatException.Kind kind) {
    if (text == null || text.isBlank()) {
      throw new DogecoinFormatException(
          kind, DogecoinFormatException.Reason.MALFORMED, "empty " + label(kind));
    }
    byte[] raw;
    try {
      raw = Base58.decode(text.strip());
    } catch (AddressFormatException e) {
      throw new DogecoinFormatException(
          kind,
          DogecoinFormatException.Reason.MALFORMED,
          label(kind) + " is not Base58: " + e.getMessage(),
          e);
    }
    if (raw.length < 5) {
      throw new DogecoinFormatException(
          kind, DogecoinFormatException.Reason.MALFORMED, label(kind) + " is too short");
    }
    byte[] data = Arrays.copyOfRange(raw, 0, raw.length - 4);
    byte[] checksum = Arrays.copyOfRange(raw, raw.length - 4, raw.length);
    byte[] expected = Arrays.copyOfRange(Sha256Hash.hashTwice(data), 0, 4);
    if (!Arrays.equals(checksum, expected)) {
      throw new DogecoinFormatException(
          kind,
          DogecoinFormatException.Reason.BAD_CHECKSUM,
          label(kind) + " checksum does not match (a typo?)");
    }
    return data;
  }

  static String encode(byte[] versionAndPayload) {
    byte[] checksum = Arrays.copyOfRange(Sha256Hash.hashTwice(versionAndPayload), 0, 4);
    byte[] all = Arrays.copyOf(versionAndPayload, versionAndPayload.length + 4);
    System.arraycopy(checksum, 0, all, versionAndPayload.length, 4);
    return Base58.encode(all);
  }

  private static String label(DogecoinFormatException.Kind kind) {
    return switch (kind) {
      case ADDRESS -> "address";
      case WIF -> "WIF private key";
      case EXTENDED_KEY -> "extended key";
      default -> kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
