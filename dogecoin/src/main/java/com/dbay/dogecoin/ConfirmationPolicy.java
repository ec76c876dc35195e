package com.dbay.dogecoin;

import com.dbay.platform.money.Doge;
import java.util.Comparator;
import java.util.List;

/**
 * How many confirmations a deposit needs before it is credited, by amount. Default (DESIGN.md §4):
 * under 1,000 DOGE 6, under 100,000 DOGE 20, otherwise 40.
 */
public record ConfirmationPolicy(List<Tier> tiers, int otherwise) {

  /** Amounts strictly below {@code belowKoinu} need {@code confirmations}. */
  public record Tier(long belowKoinu, int confirmations) {
    public Tier {
      if (belowKoinu <= 0 || confirmations < 1) {
        throw new IllegalArgumentException(
            "a tier needs a positive bound and at least one confirmation");
      }
    }
  }

  public static final ConfirmationPolicy DEFAULT =
      new ConfirmationPolicy(
          List.of(
              new Tier(Doge.ofDoge(1_000).koinu(), 6), new Tier(Doge.ofDoge(100_000).koinu(), 20)),
          40);

  public ConfirmationPolicy {
    tiers = tiers.stream().sorted(Comparator.comparingLong(Tier::belowKoinu)).toList();
    if (otherwise < 1) {
      throw new IllegalArgumentException("at least one confirmation");
    }
  }

  public int requiredConfirmations(long amountKoinu) {
    for (Tier t : tiers) {
      if (amountKoinu < t.belowKoinu()) {
        return t.confirmations();
      }
    }
    return otherwise;
  }
}
