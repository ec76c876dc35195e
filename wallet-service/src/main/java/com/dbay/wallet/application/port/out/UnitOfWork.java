package com.dbay.wallet.application.port.out;

import com.dbay.platform.problem.DomainException;
import com.dbay.wallet.domain.UserId;
import java.util.ArrayList;
import java.util.List;
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

  /** What one piece of {@link #eachInOneTransaction} came to: its value, or what refused it. */
  record Piece<T>(T value, DomainException refusal) {}

  /**
   * Runs every piece all-or-nothing on its own, in order, in one transaction with one durable
   * commit: a piece refused by a business rule (a {@link DomainException}) has only its own writes
   * undone and the refusal returned in its place, and the others go on; any other exception undoes
   * the whole transaction and is thrown. The answers are returned only once the commit is durable;
   * a failed commit throws (nothing of it was written). For work of many users (a batch of holds),
   * so the caller must order the pieces the same way every time (by user) to keep lock orders
   * acyclic. This default runs each piece in a transaction of its own.
   */
  default <T> List<Piece<T>> eachInOneTransaction(List<Supplier<T>> pieces) {
    List<Piece<T>> out = new ArrayList<>(pieces.size());
    for (Supplier<T> piece : pieces) {
      try {
        out.add(new Piece<>(inTransaction(piece), null));
      } catch (DomainException e) {
        out.add(new Piece<>(null, e));
      }
    }
    return out;
  }
}
