package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;

/** How many confirmations a deposit needs before it is credited: bigger deposits wait longer. */
public record ConfirmationPolicy(
    Doge smallBelow, int small, Doge mediumBelow, int medium, int large) {

  /** The defaults of DESIGN.md §4: under 1,000 DOGE 6, under 100,000 DOGE 20, else 40. */
  public static ConfirmationPolicy standard() {
    return new ConfirmationPolicy(Doge.ofDoge(1_000), 6, Doge.ofDoge(100_000), 20, 40);
  }

  public int required(Doge amount) {
    if (amount.compareTo(smallBelow) < 0) {
      return small;
    }
    return amount.compareTo(mediumBelow) < 0 ? medium : large;
  }
}
