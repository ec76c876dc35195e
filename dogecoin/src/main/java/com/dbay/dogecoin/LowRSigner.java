package com.dbay.dogecoin;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.crypto.ECKey;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * ECDSA signing with "low R" grinding, as Dogecoin/Bitcoin Core wallets do: RFC 6979 first
 * (identical to bitcoinj's {@link ECKey#sign}), then RFC 6979 with a 32-byte little-endian counter
 * as additional data until r is below 2^255, so every DER signature is at most 70 bytes and a
 * transaction's signed size is known before signing. S is made low (BIP 62/146) as always.
 */
final class LowRSigner {

  private static final BigInteger HALF = BigInteger.ONE.shiftLeft(255);

  /** r and s at or above this take all 32 bytes in DER (no shorter encoding). */
  private static final BigInteger FULL_LENGTH = BigInteger.ONE.shiftLeft(248);

  private LowRSigner() {}

  static ECKey.ECDSASignature sign(Sha256Hash hash, ECKey key) {
    return sign(hash, key, false);
  }

  /**
   * With {@code exactLength}, the grinding also skips the ~1.5% of low-R signatures whose r or s
   * happens to be short, so every DER signature is exactly {@link #DER_LENGTH} bytes: a planner can
   * then know the signed size, and the fee for it, before anyone signs (the wallet plans, the
   * signer only signs what was planned).
   */
  static ECKey.ECDSASignature sign(Sha256Hash hash, ECKey key, boolean exactLength) {
    BigInteger d = key.getPrivKey();
    for (int counter = 0; counter < 10_000; counter++) {
      byte[] extra = counter == 0 ? new byte[0] : littleEndian32(counter);
      ECDSASigner signer = new ECDSASigner(new Rfc6979(extra));
      signer.init(true, new ECPrivateKeyParameters(d, ECKey.ecDomainParameters()));
      BigInteger[] rs = signer.generateSignature(hash.getBytes());
      if (rs[0].compareTo(HALF) < 0) {
        ECKey.ECDSASignature sig = new ECKey.ECDSASignature(rs[0], rs[1]).toCanonicalised();
        if (!exactLength
            || sig.r.compareTo(FULL_LENGTH) >= 0 && sig.s.compareTo(FULL_LENGTH) >= 0) {
          return sig;
        }
      }
    }
    throw new IllegalStateException("no low-R signature found");
  }

  /** DER length of a signature whose r and s both take 32 bytes: 0x30 len 0x02 32 r 0x02 32 s. */
  static final int DER_LENGTH = 70;

  private static byte[] littleEndian32(int counter) {
    byte[] b = new byte[32];
    b[0] = (byte) counter;
    b[1] = (byte) (counter >>> 8);
    b[2] = (byte) (counter >>> 16);
    b[3] = (byte) (counter >>> 24);
    return b;
  }

  /** RFC 6979 section 3.2 HMAC-DRBG nonces with optional additional data (section 3.6). */
  private static final class Rfc6979 implements DSAKCalculator {
    private final byte[] extra;
    private final HMac mac = new HMac(new SHA256Digest());
    private byte[] k = new byte[32];
    private byte[] v = new byte[32];
    private BigInteger n;

    Rfc6979(byte[] extra) {
      this.extra = extra;
    }

    @Override
    public boolean isDeterministic() {
      return true;
    }

    @Override
    public void init(BigInteger n, SecureRandom random) {
      throw new IllegalStateException("deterministic only");
    }

    @Override
    public void init(BigInteger n, BigInteger d, byte[] message) {
      this.n = n;
      byte[] x = toBytes32(d);
      BigInteger m = new BigInteger(1, message);
      if (m.compareTo(n) >= 0) {
        m = m.subtract(n);
      }
      byte[] h1 = toBytes32(m);
      Arrays.fill(v, (byte) 1);
      Arrays.fill(k, (byte) 0);
      k = hmac(k, v, new byte[] {0}, x, h1, extra);
      v = hmac(k, v);
      k = hmac(k, v, new byte[] {1}, x, h1, extra);
      v = hmac(k, v);
      Arrays.fill(x, (byte) 0);
    }

    @Override
    public BigInteger nextK() {
      while (true) {
        v = hmac(k, v);
        BigInteger candidate = new BigInteger(1, v);
        if (candidate.signum() > 0 && candidate.compareTo(n) < 0) {
          return candidate;
        }
        k = hmac(k, v, new byte[] {0});
        v = hmac(k, v);
      }
    }

    private byte[] hmac(byte[] key, byte[]... parts) {
      mac.init(new KeyParameter(key));
      for (byte[] p : parts) {
        mac.update(p, 0, p.length);
      }
      byte[] out = new byte[32];
      mac.doFinal(out, 0);
      return out;
    }

    private static byte[] toBytes32(BigInteger value) {
      byte[] raw = value.toByteArray();
      byte[] out = new byte[32];
      int len = Math.min(raw.length, 32);
      System.arraycopy(raw, raw.length - len, out, 32 - len, len);
      return out;
    }
  }
}
