package com.dbay.dogecoin;

import static com.dbay.dogecoin.DogecoinFormatException.Kind.EXTENDED_KEY;
import static com.dbay.dogecoin.DogecoinFormatException.Reason.MALFORMED;
import static com.dbay.dogecoin.DogecoinFormatException.Reason.WRONG_NETWORK;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.LazyECPoint;

/**
 * BIP32 extended key serialization with explicit version bytes (dgub/dgpv on Dogecoin mainnet,
 * tpub/tprv on testnet and regtest). bitcoinj's own serializer only knows Bitcoin's versions.
 *
 * <p>Layout (78 bytes, then Base58Check): version(4) depth(1) parent fingerprint(4) child number(4)
 * chain code(32) key(33: compressed public key, or 0x00 + 32-byte secret).
 */
public final class ExtendedKeys {

  /** Bitcoin's xpub/xprv versions, kept for the BIP32 test vectors. */
  public static final int BITCOIN_XPUB = 0x0488B21E;

  public static final int BITCOIN_XPRV = 0x0488ADE4;

  private ExtendedKeys() {}

  public static String serializePublic(DeterministicKey key, DogecoinNetwork network) {
    return serialize(key, network.xpubVersion(), false);
  }

  public static String serializePrivate(DeterministicKey key, DogecoinNetwork network) {
    return serialize(key, network.xprvVersion(), true);
  }

  public static String serialize(DeterministicKey key, int version, boolean includePrivate) {
    ByteBuffer buf = ByteBuffer.allocate(78);
    buf.putInt(version);
    buf.put((byte) key.getDepth());
    buf.putInt(key.getParentFingerprint());
    buf.putInt(key.getChildNumber().i());
    buf.put(key.getChainCode());
    if (includePrivate) {
      if (!key.hasPrivKey()) {
        throw new IllegalArgumentException("this key has no private part");
      }
      byte[] secret = key.getPrivKeyBytes();
      buf.put((byte) 0);
      buf.put(secret);
      Arrays.fill(secret, (byte) 0);
    } else {
      buf.put(key.getPubKey());
    }
    byte[] data = buf.array();
    try {
      return Base58Check.encode(data);
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }

  /**
   * Parses an extended public key of {@code network} (dgub on mainnet); the result holds no private
   * key.
   */
  public static DeterministicKey parsePublic(String text, DogecoinNetwork network) {
    return parse(text, network.xpubVersion(), false);
  }

  /** Parses an extended private key of {@code network} (dgpv on mainnet). */
  public static DeterministicKey parsePrivate(String text, DogecoinNetwork network) {
    return parse(text, network.xprvVersion(), true);
  }

  public static DeterministicKey parse(String text, int expectedVersion, boolean isPrivate) {
    byte[] data = Base58Check.decode(text, EXTENDED_KEY);
    try {
      if (data.length != 78) {
        throw new DogecoinFormatException(
            EXTENDED_KEY, MALFORMED, "extended key has " + data.length + " bytes, expected 78");
      }
      ByteBuffer buf = ByteBuffer.wrap(data);
      int version = buf.getInt();
      if (version != expectedVersion) {
        throw new DogecoinFormatException(
            EXTENDED_KEY,
            WRONG_NETWORK,
            String.format(
                "extended key version 0x%08x, expected 0x%08x", version, expectedVersion));
      }
      int depth = buf.get() & 0xFF;
      int parentFingerprint = buf.getInt();
      int childNumber = buf.getInt();
      byte[] chainCode = new byte[32];
      buf.get(chainCode);
      byte[] keyBytes = new byte[33];
      buf.get(keyBytes);
      if (depth == 0 && (parentFingerprint != 0 || childNumber != 0)) {
        throw new DogecoinFormatException(EXTENDED_KEY, MALFORMED, "a master key has no parent");
      }
      List<ChildNumber> path = depth == 0 ? List.of() : List.of(new ChildNumber(childNumber));
      if (isPrivate) {
        if (keyBytes[0] != 0) {
          throw new DogecoinFormatException(
              EXTENDED_KEY, MALFORMED, "private key data must start with 0x00");
        }
        BigInteger secret = new BigInteger(1, Arrays.copyOfRange(keyBytes, 1, 33));
        Arrays.fill(keyBytes, (byte) 0);
        if (secret.signum() == 0 || secret.compareTo(ECKey.ecDomainParameters().getN()) >= 0) {
          throw new DogecoinFormatException(EXTENDED_KEY, MALFORMED, "private key out of range");
        }
        return new DeterministicKey(path, chainCode, secret, null, depth, parentFingerprint);
      }
      if (keyBytes[0] != 2 && keyBytes[0] != 3) {
        throw new DogecoinFormatException(EXTENDED_KEY, MALFORMED, "public key must be compressed");
      }
      LazyECPoint point;
      try {
        point = new LazyECPoint(ECKey.ecDomainParameters().getCurve(), keyBytes);
        point.get();
      } catch (RuntimeException e) {
        throw new DogecoinFormatException(
            EXTENDED_KEY, MALFORMED, "public key is not on the curve", e);
      }
      return new DeterministicKey(path, chainCode, point, null, depth, parentFingerprint);
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }
}
