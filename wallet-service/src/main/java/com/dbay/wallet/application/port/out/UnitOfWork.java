package com.dbay.wallet.application.port.out;

import com.dbay.wallet.domain.UserId;
import java.util.function.Supplier;

/** Runs work atomically: every write inside commits together or not at all. */
public interface UnitOfWork {

  <T> T inTransaction(Supplier<T> work);

  /**
   * Like {@link #inTransaction}, for work that touches only this user's rows. The adapter may run
   * it in one transaction (and one durable commit) together with other such work of the same user
   * that is waiting at the same time; each piece is still all-or-nothing on its own: when it
   * throws, only its own writes are undone and the exception reaches its own caller. The result is
   * returned only once the shared commit is durable.
   */
  default <T> T inTransactionOf(UserId user, Supplier<T> work) {
    return inTransaction(work);
  }
}
