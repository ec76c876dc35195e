package com.dbay.wallet.domain;

import com.dbay.platform.money.Doge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A balanced set of entries: the only way money moves. The entries sum to zero (no koinu created or
 * lost), there are at least two, each account appears once, and they are sorted in lock order.
 */
public record Posting(PostingType type, String reference, List<Entry> entries) {

  public Posting {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reference, "reference");
    entries = List.copyOf(entries);
    if (entries.size() < 2) {
      throw new IllegalArgumentException("a posting needs at least two entries");
    }
    long sum = 0;
    AccountId previous = null;
    for (Entry entry : entries) {
      sum = Math.addExact(sum, entry.amount());
      if (previous != null && previous.compareTo(entry.account()) >= 0) {
        throw new IllegalArgumentException("entries must name distinct accounts in lock order");
      }
      previous = entry.account();
    }
    if (sum != 0) {
      throw new IllegalArgumentException(
          "posting " + type + " does not balance: entries sum to " + sum);
    }
  }

  public static Builder builder(PostingType type, String reference) {
    return new Builder(type, reference);
  }

  /** The net change of one account in this posting (zero when it is not touched). */
  public long amountFor(AccountId account) {
    return entries.stream().filter(e -> e.account().equals(account)).mapToLong(Entry::amount).sum();
  }

  /** Collects movements, nets them per account and drops accounts that net to zero. */
  public static final class Builder {
    private final PostingType type;
    private final String reference;
    private final Map<AccountId, Long> net = new TreeMap<>();

    private Builder(PostingType type, String reference) {
      this.type = type;
      this.reference = reference;
    }

    /** Moves a non-negative amount from one account to another. */
    public Builder move(AccountId from, AccountId to, Doge amount) {
      if (amount.isNegative()) {
        throw new IllegalArgumentException("cannot move a negative amount");
      }
      if (amount.isZero()) {
        return this;
      }
      net.merge(from, -amount.koinu(), Math::addExact);
      net.merge(to, amount.koinu(), Math::addExact);
      return this;
    }

    /** The posting, or empty when nothing moves at all. */
    public Optional<Posting> buildIfAny() {
      List<Entry> entries = new ArrayList<>();
      net.forEach(
          (account, amount) -> {
            if (amount != 0) {
              entries.add(new Entry(account, amount));
            }
          });
      return entries.isEmpty()
          ? Optional.empty()
          : Optional.of(new Posting(type, reference, entries));
    }

    public Posting build() {
      return buildIfAny()
          .orElseThrow(() -> new IllegalStateException("posting " + type + " moves nothing"));
    }
  }
}
