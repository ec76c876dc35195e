package com.dbay.dogecoin;

import static com.dbay.dogecoin.DogecoinFormatException.Kind.WIF;
import static com.dbay.dogecoin.DogecoinFormatException.Reason.MALFORMED;
import static com.dbay.dogecoin.DogecoinFormatException.Reason.WRONG_NETWORK;

import java.math.BigInteger;
import java.util.Arrays;
import org.bitcoinj.crypto.ECKey;

/**
 * Wallet Import Format for Dogecoin private keys. bitcoinj's own WIF goes through Bitcoin-only
 * NetworkParameters, so it is done here: version byte, 32-byte secret, 0x01 if the public key is
 * compressed, Base58Check.
 */
public final class Wif {

  private Wif() {}

  /** A decoded private key. {@link #toString()} never shows the secret. */
  public record Decoded(ECKey key, boolean compressed, DogecoinNetwork network) {
    @Override
    public String toString() {
      return "Wif.Decoded[network=" + network + ", compressed=" + compressed + ", key=<redacted>]";
    }
  }

  public static String encode(ECKey key, DogecoinNetwork network) {
    byte[] secret = key.getPrivKeyBytes();
    byte[] data = new byte[key.isCompressed() ? 34 : 33];
    data[0] = (byte) network.wifVersion();
    System.arraycopy(secret, 0, data, 1, 32);
    if (key.isCompressed()) {
      data[33] = 1;
    }
    try {
      return Base58Check.encode(data);
    } finally {
      Arrays.fill(secret, (byte) 0);
      Arrays.fill(data, (byte) 0);
    }
  }

  public static Decoded decode(String wif, DogecoinNetwork network) {
    byte[] data = Base58Check.decode(wif, WIF);
    try {
      boolean compressed;
      if (data.length == 34 && data[33] == 1) {
        compressed = true;
      } else if (data.length == 33) {
        compressed = false;
      } else {
        throw new DogecoinFormatException(WIF, MALFORMED, "WIF has an unexpected length");
      }
      int version = data[0] & 0xFF;
      if (version != network.wifVersion()) {
        throw new DogecoinFormatException(
            WIF,
            WRONG_NETWORK,
            "WIF version 0x"
                + String.format("%02x", version)
                + " is not Dogecoin "
                + network.chainName()
                + "'s 0x"
                + String.format("%02x", network.wifVersion()));
      }
      BigInteger secret = new BigInteger(1, Arrays.copyOfRange(data, 1, 33));
      if (secret.signum() == 0 || secret.compareTo(ECKey.ecDomainParameters().getN()) >= 0) {
        throw new DogecoinFormatException(WIF, MALFORMED, "WIF secret is out of range");
      }
      return new Decoded(ECKey.fromPrivate(secret, compressed), compressed, network);
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }
}
