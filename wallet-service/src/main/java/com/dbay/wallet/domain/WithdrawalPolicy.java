package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;

/**
 * Limits on withdrawals. The network fee is not known until the transaction is built (0.01 DOGE per
 * kB of its exact size), so {@code feeReserve} is taken from the user at request time on top of the
 * amount and whatever the real fee leaves of it is given back when the withdrawal settles.
 */
public record WithdrawalPolicy(
    Doge minimum, Doge dailyLimit, Doge approvalThreshold, Doge feeReserve) {

  public static final Doge DUST = new Doge(1_000_000); // 0.01 DOGE: no output below it

  public WithdrawalPolicy {
    if (minimum.compareTo(DUST) < 0) {
      throw new IllegalArgumentException(
          "the minimum withdrawal cannot be below the dust limit of 0.01 DOGE");
    }
    if (feeReserve.isNegative() || !dailyLimit.isPositive() || !approvalThreshold.isPositive()) {
      throw new IllegalArgumentException("withdrawal limits must be positive");
    }
  }

  /** Checks one request against the limits; returns whether an admin must approve it first. */
  public boolean check(Doge amount, Doge alreadyToday) {
    if (!amount.isPositive()) {
      throw new WalletException.InvalidRequest(
          "invalid-amount", "amount", "amount must be greater than zero");
    }
    if (amount.compareTo(minimum) < 0) {
      throw new WalletException.InvalidRequest(
          "below-minimum", "amount", "the minimum withdrawal is " + minimum.toString() + " DOGE");
    }
    if (alreadyToday.plus(amount).isGreaterThan(dailyLimit)) {
      throw new WalletException.LimitExceeded(
          "daily-limit-exceeded",
          "the daily withdrawal limit is "
              + dailyLimit.toString()
              + " DOGE; "
              + alreadyToday.toString()
              + " DOGE already requested today (UTC)");
    }
    return amount.isGreaterThan(approvalThreshold);
  }
}
