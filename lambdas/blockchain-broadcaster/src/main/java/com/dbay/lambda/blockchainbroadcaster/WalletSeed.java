package com.dbay.lambda.blockchainbroadcaster;

import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.HdSigner;
import java.util.Arrays;
import java.util.Objects;

/**
 * The wallet's BIP39 mnemonic (and optional passphrase) as read from its secret. Never logged:
 * {@link #toString()} names only where it came from. {@link #close()} overwrites the characters it
 * holds; the String a BIP39 library needs for a moment and the key material bitcoinj derives
 * (BigIntegers) cannot be wiped in Java, which is why the signer keeps one {@link HdSigner} (whose
 * seed bytes it does wipe on close) instead of re-reading the secret.
 */
public final class WalletSeed implements AutoCloseable {

  private final char[] mnemonic;
  private final char[] passphrase;
  private final String source;
  private volatile boolean closed;

  WalletSeed(char[] mnemonic, char[] passphrase, String source) {
    this.mnemonic = Objects.requireNonNull(mnemonic);
    this.passphrase = passphrase == null ? new char[0] : passphrase;
    this.source = source;
  }

  /**
   * Where the seed came from (an environment variable's name, a file path, a secret id): never the
   * seed.
   */
  public String source() {
    return source;
  }

  /** The signing keys, m/44'/3'/account'/chain/index; validates the mnemonic (checksum, words). */
  public HdSigner signer(DogecoinNetwork network) {
    if (closed) {
      throw new IllegalStateException("the wallet seed was closed");
    }
    return HdSigner.fromMnemonic(new String(mnemonic), new String(passphrase), network);
  }

  @Override
  public void close() {
    closed = true;
    Arrays.fill(mnemonic, '\0');
    Arrays.fill(passphrase, '\0');
  }

  @Override
  public String toString() {
    return "WalletSeed[from " + source + ", <redacted>]";
  }
}
