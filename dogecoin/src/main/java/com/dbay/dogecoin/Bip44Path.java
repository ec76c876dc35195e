package com.dbay.dogecoin;

import java.util.List;
import org.bitcoinj.crypto.ChildNumber;

/**
 * A BIP44 leaf for Dogecoin: m/44'/3'/account'/chain/index, chain 0 for deposit (receive) addresses
 * and 1 for change.
 */
public record Bip44Path(int account, int chain, int index) {

  public static final int PURPOSE = 44;
  public static final int COIN_TYPE = 3;
  public static final int RECEIVE = 0;
  public static final int CHANGE = 1;

  public Bip44Path {
    if (account < 0 || index < 0) {
      throw new IllegalArgumentException("account and index must be non-negative");
    }
    if (chain != RECEIVE && chain != CHANGE) {
      throw new IllegalArgumentException("chain must be 0 (receive) or 1 (change)");
    }
  }

  public static Bip44Path receive(int account, int index) {
    return new Bip44Path(account, RECEIVE, index);
  }

  public static Bip44Path change(int account, int index) {
    return new Bip44Path(account, CHANGE, index);
  }

  static List<ChildNumber> accountPath(int account) {
    return List.of(
        new ChildNumber(PURPOSE, true),
        new ChildNumber(COIN_TYPE, true),
        new ChildNumber(account, true));
  }

  @Override
  public String toString() {
    return "m/44'/3'/" + account + "'/" + chain + "/" + index;
  }
}
