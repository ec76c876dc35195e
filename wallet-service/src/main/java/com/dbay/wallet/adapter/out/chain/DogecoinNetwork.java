package com.dbay.wallet.adapter.out.chain;

import java.util.Locale;
import java.util.Set;

/** Version bytes of Dogecoin's networks (DESIGN.md §4). */
public enum DogecoinNetwork {
  MAINNET(0x1E, 0x16),
  TESTNET(0x71, 0xC4),
  REGTEST(0x6F, 0xC4);

  private final int p2pkh;
  private final int p2sh;

  DogecoinNetwork(int p2pkh, int p2sh) {
    this.p2pkh = p2pkh;
    this.p2sh = p2sh;
  }

  public int p2pkh() {
    return p2pkh;
  }

  public Set<Integer> versions() {
    return Set.of(p2pkh, p2sh);
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DogecoinNetwork of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
