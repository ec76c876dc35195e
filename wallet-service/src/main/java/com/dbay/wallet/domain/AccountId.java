package com.dbay.wallet.domain;

import java.util.Objects;

/** An account: a user's AVAILABLE/HELD/ESCROW, or one of the platform's own accounts. */
public record AccountId(String owner, AccountKind kind) implements Comparable<AccountId> {

  public static final String PLATFORM_OWNER = "platform";

  public AccountId {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(kind, "kind");
    if (kind.isUserAccount() == PLATFORM_OWNER.equals(owner)) {
      throw new IllegalArgumentException(kind + " cannot belong to " + owner);
    }
  }

  public static AccountId user(UserId user, AccountKind kind) {
    return new AccountId(user.value(), kind);
  }

  public static AccountId platform(AccountKind kind) {
    return new AccountId(PLATFORM_OWNER, kind);
  }

  /**
   * The order in which accounts are locked: users' accounts first, platform accounts last, so the
   * busy platform rows are held for the shortest time; one total order for every transaction so
   * that two transactions never wait for each other in a cycle.
   */
  @Override
  public int compareTo(AccountId other) {
    boolean thisPlatform = !kind.isUserAccount();
    boolean otherPlatform = !other.kind.isUserAccount();
    if (thisPlatform != otherPlatform) {
      return thisPlatform ? 1 : -1;
    }
    int byOwner = owner.compareTo(other.owner);
    return byOwner != 0 ? byOwner : kind.compareTo(other.kind);
  }
}
