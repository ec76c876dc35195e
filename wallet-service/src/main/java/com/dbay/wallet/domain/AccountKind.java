package com.dbay.wallet.domain;

/**
 * The accounts of the ledger. Every balance is the sum of its entries, and every posting sums to
 * zero, so all balances together sum to zero. The three user accounts and the platform's
 * liabilities are positive; {@link #HOT_WALLET} is the mirror of the coins the platform holds on
 * chain and is therefore negative (its absolute value is the custody that backs everything else).
 */
public enum AccountKind {
  /** What the user may spend, bid with or withdraw. */
  AVAILABLE(true, false),
  /** Reserved for open bids: one hold per (user, reference), e.g. per auction. */
  HELD(true, false),
  /** Paid for an order, waiting for release to the seller or refund. */
  ESCROW(true, false),
  /** The coins on chain, negated. */
  HOT_WALLET(false, true),
  /** Seen on chain, not yet confirmed enough to be credited to a user. */
  PENDING_DEPOSITS(false, false),
  /** Debited from a user for a withdrawal that has not settled on chain yet. */
  WITHDRAWALS_IN_FLIGHT(false, false),
  /** The platform's earned fees. */
  FEES(false, false);

  private final boolean userAccount;
  private final boolean mayBeNegative;

  AccountKind(boolean userAccount, boolean mayBeNegative) {
    this.userAccount = userAccount;
    this.mayBeNegative = mayBeNegative;
  }

  public boolean isUserAccount() {
    return userAccount;
  }

  public boolean mayBeNegative() {
    return mayBeNegative;
  }
}
