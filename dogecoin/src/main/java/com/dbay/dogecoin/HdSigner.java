package com.dbay.dogecoin;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.HDKeyDerivation;

/**
 * Holds the wallet seed and signs. Derives m/44'/3'/account'/chain/index (coin type 3). Everything
 * that leaves this class is public: addresses, account xpubs, signed transactions. {@link
 * #toString()} never shows the seed and {@link #close()} wipes the seed bytes it holds (the derived
 * BigIntegers cannot be wiped in Java).
 */
public final class HdSigner implements AutoCloseable {

  private final DogecoinNetwork network;
  private final byte[] seed;
  private final DeterministicKey master;
  private final Map<Integer, DeterministicKey> accounts = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private HdSigner(byte[] seed, DogecoinNetwork network) {
    this.network = Objects.requireNonNull(network);
    this.seed = seed.clone();
    this.master = HDKeyDerivation.createMasterPrivateKey(this.seed);
  }

  public static HdSigner fromSeed(byte[] seed, DogecoinNetwork network) {
    return new HdSigner(seed, network);
  }

  /** From a BIP39 mnemonic and optional passphrase (empty when null). */
  public static HdSigner fromMnemonic(String mnemonic, String passphrase, DogecoinNetwork network) {
    byte[] seed = Mnemonic.toSeed(mnemonic, passphrase);
    try {
      return new HdSigner(seed, network);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  public DogecoinNetwork network() {
    return network;
  }

  /** The account key m/44'/3'/account' without its private part, for deposit detection. */
  public WatchOnlyAccount watchOnly(int account) {
    return new WatchOnlyAccount(accountKey(account), network);
  }

  /** The account's extended public key (dgub… on mainnet, tpub… on testnet/regtest). */
  public String accountXpub(int account) {
    return ExtendedKeys.serializePublic(accountKey(account), network);
  }

  public DogecoinAddress address(Bip44Path path) {
    return DogecoinAddress.fromKey(network, key(path));
  }

  /** The private key at a BIP44 leaf. Use it only to sign. */
  public ECKey key(Bip44Path path) {
    DeterministicKey account = accountKey(path.account());
    DeterministicKey chain =
        HDKeyDerivation.deriveChildKey(account, new ChildNumber(path.chain(), false));
    return HDKeyDerivation.deriveChildKey(chain, new ChildNumber(path.index(), false));
  }

  /**
   * Signs a planned transaction; every input must carry its {@link Utxo#path()}. The fee is settled
   * at the exact signed size (see {@link TransactionSigner}).
   */
  public SignedTransaction sign(TransactionPlan plan) {
    return TransactionSigner.sign(plan, this::keyFor);
  }

  /**
   * Signs a plan made by {@link TransactionPlanner#planExact} without changing it (see {@link
   * TransactionSigner#signAsPlanned}); every input must carry its path and pay the address that
   * path derives.
   */
  public SignedTransaction signAsPlanned(TransactionPlan plan) {
    return TransactionSigner.signAsPlanned(plan, this::keyFor);
  }

  private ECKey keyFor(Utxo utxo) {
    if (utxo.path() == null) {
      throw new IllegalArgumentException("input " + utxo.outpoint() + " has no derivation path");
    }
    ECKey k = key(utxo.path());
    DogecoinAddress owner = DogecoinAddress.fromKey(network, k);
    if (!owner.equals(utxo.address())) {
      throw new IllegalArgumentException(
          "input "
              + utxo.outpoint()
              + " pays "
              + utxo.address()
              + " but "
              + utxo.path()
              + " derives "
              + owner);
    }
    return k;
  }

  private DeterministicKey accountKey(int account) {
    ensureOpen();
    return accounts.computeIfAbsent(
        account,
        a -> {
          DeterministicKey k = master;
          for (ChildNumber c : Bip44Path.accountPath(a)) {
            k = HDKeyDerivation.deriveChildKey(k, c);
          }
          return k;
        });
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("signer is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
    Arrays.fill(seed, (byte) 0);
    accounts.clear();
  }

  @Override
  public String toString() {
    return "HdSigner[" + network + ", seed=<redacted>]";
  }
}
