package com.dbay.wallet.domain;

/** A user's three balances. */
public record Balances(Money available, Money held, Money escrow) {

  public static final Balances EMPTY = new Balances(Money.ZERO, Money.ZERO, Money.ZERO);
}
