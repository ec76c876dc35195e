package com.dbay.wallet.domain;

/** One line of a posting: a signed amount in koinu added to one account's balance. */
public record Entry(AccountId account, long amount) {

  public Entry {
    if (amount == 0) {
      throw new IllegalArgumentException("an entry never has a zero amount");
    }
  }
}
