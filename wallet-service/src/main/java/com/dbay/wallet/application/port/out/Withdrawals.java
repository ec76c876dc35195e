package com.dbay.wallet.application.port.out;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.Withdrawal;
import com.dbay.wallet.domain.WithdrawalId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

public interface Withdrawals {

  /**
   * Serialises a user's withdrawal requests for the rest of the unit of work (daily limit check).
   */
  void lockUser(UserId user);

  /** Sum of the user's withdrawals requested on that UTC day, rejected ones excluded. */
  Doge requestedOn(UserId user, LocalDate day);

  /** Stores a new withdrawal and publishes the events it recorded, in the current unit of work. */
  void insert(Withdrawal withdrawal);

  Optional<Withdrawal> find(WithdrawalId id);

  Optional<Withdrawal> lock(WithdrawalId id);

  /**
   * Stores the withdrawal's state and publishes the events it recorded since it was loaded ({@link
   * com.dbay.platform.events.AggregateRoot#pullEvents}), in the current unit of work: a change and
   * its event commit together or not at all.
   */
  void save(Withdrawal withdrawal);

  List<WithdrawalId> withStatus(Withdrawal.Status status, int limit);

  /** The user's own withdrawals, newest first. */
  List<Withdrawal> requestedBy(UserId user, int limit);
}
