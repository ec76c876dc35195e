package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;

/** A user's three balances. */
public record Balances(Doge available, Doge held, Doge escrow) {

  public static final Balances EMPTY = new Balances(Doge.ZERO, Doge.ZERO, Doge.ZERO);
}
