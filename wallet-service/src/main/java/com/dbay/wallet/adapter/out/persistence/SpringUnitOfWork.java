package com.dbay.wallet.adapter.out.persistence;

import com.dbay.platform.problem.DomainException;
import com.dbay.wallet.application.port.out.UnitOfWork;
import com.dbay.wallet.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

public class SpringUnitOfWork implements UnitOfWork {

  static final int LOCK_FAILURE_ATTEMPTS = 5;

  private final TransactionTemplate transactions;
  private final PerUserCommits perUser;

  public SpringUnitOfWork(TransactionTemplate transactions, int maxPerCommit) {
    this.transactions = transactions;
    this.perUser = new PerUserCommits(transactions, this, maxPerCommit);
  }

  /**
   * A transaction that PostgreSQL aborts as a deadlock victim (or a serialisation failure) wrote
   * nothing and answered nobody, so it runs again, a few times.
   */
  @Override
  public <T> T inTransaction(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(status -> work.get());
      } catch (PessimisticLockingFailureException e) {
        if (attempt >= LOCK_FAILURE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  @Override
  public <T> T inTransactionOf(UserId user, Supplier<T> work) {
    return perUser.run(user, work);
  }

  /**
   * One transaction, a savepoint per piece (not released after success: one round trip fewer, and
   * rolling back to the newest one undoes only the newest piece). A lock failure (a deadlock with
   * another batch or user lane) undoes everything and runs the whole batch again, since no piece
   * has been answered yet; it is not a piece's refusal.
   */
  @Override
  public <T> List<Piece<T>> eachInOneTransaction(List<Supplier<T>> pieces) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(
            status -> {
              List<Piece<T>> out = new ArrayList<>(pieces.size());
              for (Supplier<T> piece : pieces) {
                Object savepoint = status.createSavepoint();
                try {
                  out.add(new Piece<>(piece.get(), null));
                } catch (DomainException e) {
                  status.rollbackToSavepoint(savepoint);
                  out.add(new Piece<>(null, e));
                }
              }
              return out;
            });
      } catch (PessimisticLockingFailureException e) {
        if (attempt >= LOCK_FAILURE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
