package com.dbay.dogecoin;

import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;

/**
 * Derives deposit and change addresses of one BIP44 account from its extended public key
 * (m/44'/3'/account', serialized as dgub on mainnet), holding no private key. This is what deposit
 * detection needs.
 */
public final class WatchOnlyAccount {

  private final DogecoinNetwork network;
  private final DeterministicKey accountKey;
  private final DeterministicKey receiveChain;
  private final DeterministicKey changeChain;

  public WatchOnlyAccount(DeterministicKey accountKey, DogecoinNetwork network) {
    this.network = network;
    this.accountKey =
        accountKey.hasPrivKey() ? accountKey.dropPrivateBytes().dropParent() : accountKey;
    this.receiveChain =
        HDKeyDerivation.deriveChildKey(this.accountKey, new ChildNumber(Bip44Path.RECEIVE, false));
    this.changeChain =
        HDKeyDerivation.deriveChildKey(this.accountKey, new ChildNumber(Bip44Path.CHANGE, false));
  }

  /**
   * From the account's serialized extended public key (dgub… on mainnet, tpub… on testnet/regtest).
   */
  public static WatchOnlyAccount fromXpub(String xpub, DogecoinNetwork network) {
    DeterministicKey key = ExtendedKeys.parsePublic(xpub, network);
    if (key.getDepth() != 3) {
      throw new DogecoinFormatException(
          DogecoinFormatException.Kind.EXTENDED_KEY,
          DogecoinFormatException.Reason.UNSUPPORTED_TYPE,
          "expected an account key at depth 3 (m/44'/3'/account'), got depth " + key.getDepth());
    }
    return new WatchOnlyAccount(key, network);
  }

  public DogecoinNetwork network() {
    return network;
  }

  /** The account number, from the hardened child number of the account key. */
  public int account() {
    return accountKey.getChildNumber().num();
  }

  public String accountXpub() {
    return ExtendedKeys.serializePublic(accountKey, network);
  }

  /** Deposit address m/44'/3'/account'/0/index. */
  public DogecoinAddress receiveAddress(int index) {
    return address(Bip44Path.RECEIVE, index);
  }

  /** Change address m/44'/3'/account'/1/index. */
  public DogecoinAddress changeAddress(int index) {
    return address(Bip44Path.CHANGE, index);
  }

  public DogecoinAddress address(int chain, int index) {
    return DogecoinAddress.p2pkh(network, publicKey(chain, index).getPubKeyHash());
  }

  public DeterministicKey publicKey(int chain, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be non-negative");
    }
    DeterministicKey parent =
        switch (chain) {
          case Bip44Path.RECEIVE -> receiveChain;
          case Bip44Path.CHANGE -> changeChain;
          default -> throw new IllegalArgumentException("chain must be 0 or 1");
        };
    return HDKeyDerivation.deriveChildKey(parent, new ChildNumber(index, false));
  }

  @Override
  public String toString() {
    return "WatchOnlyAccount[" + network + ", account " + account() + "]";
  }
}
