package com.dbay.wallet.adapter.out.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit per user. All holds of one user lock that user's two balance rows until their commit
 * is durable, so one busy bidder is limited to one WAL flush per hold. Here the work of one user
 * that arrives while another of theirs is running queues up; the next thread to lead runs the whole
 * queue (up to a bound) in one transaction with a savepoint around each piece, then commits once.
 *
 * <p>A piece that throws is rolled back to its savepoint alone and its caller gets the exception;
 * the others go on. A lock failure (deadlock, serialisation) undoes the whole transaction, which
 * runs again from the start, since no piece has been answered yet. A failed commit fails every
 * piece of it: none of them was acknowledged, and their idempotency keys make the callers' retries
 * safe.
 *
 * <p>Each leader runs one batch (its own work comes first) and then hands the lane to the oldest
 * waiting thread, so no caller ends up running everybody else's work for long. Only work of one
 * user shares a transaction, so no new lock-order cycles arise between users.
 */
final class PerUserCommits {

  private final TransactionTemplate transactions;
  private final SpringUnitOfWork unitOfWork;
  private final int maxPerCommit;

  /** A lane exists while one of its threads leads; its queue holds the work not yet taken. */
  private final ConcurrentHashMap<Object, ArrayDeque<Piece<?>>> lanes = new ConcurrentHashMap<>();

  PerUserCommits(TransactionTemplate transactions, SpringUnitOfWork unitOfWork, int maxPerCommit) {
    if (maxPerCommit < 1) {
      throw new IllegalArgumentException("maxPerCommit must be at least 1");
    }
    this.transactions = transactions;
    this.unitOfWork = unitOfWork;
    this.maxPerCommit = maxPerCommit;
  }

  <T> T run(Object laneKey, Supplier<T> work) {
    Piece<T> piece = new Piece<>(work);
    boolean[] leads = {false};
    lanes.compute(
        laneKey,
        (key, queue) -> {
          if (queue == null) {
            queue = new ArrayDeque<>();
            leads[0] = true;
          }
          queue.add(piece);
          return queue;
        });
    if (leads[0] || piece.awaitTurnOrResult()) {
      lead(laneKey);
    }
    return piece.result();
  }

  /**
   * Runs one batch that starts with this thread's own piece, then passes the lane on or closes it.
   */
  private void lead(Object laneKey) {
    List<Piece<?>> batch = new ArrayList<>();
    lanes.computeIfPresent(
        laneKey,
        (key, queue) -> {
          while (batch.size() < maxPerCommit && !queue.isEmpty()) {
            batch.add(queue.poll());
          }
          return queue;
        });
    try {
      execute(batch);
    } finally {
      Piece<?>[] next = {null};
      lanes.compute(
          laneKey,
          (key, queue) -> {
            if (queue == null || queue.isEmpty()) {
              return null;
            }
            next[0] = queue.peek();
            return queue;
          });
      if (next[0] != null) {
        next[0].promote();
      }
    }
  }

  private void execute(List<Piece<?>> batch) {
    if (batch.size() == 1) {
      // Nothing to share: a plain transaction, without savepoints.
      batch.get(0).complete(() -> unitOfWork.inTransaction(batch.get(0).work));
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        transactions.executeWithoutResult(
            status -> {
              for (Piece<?> piece : batch) {
                runIsolated(status, piece);
              }
            });
        batch.forEach(Piece::succeed);
        return;
      } catch (PessimisticLockingFailureException e) {
        batch.forEach(Piece::reset);
        if (attempt == SpringUnitOfWork.LOCK_FAILURE_ATTEMPTS) {
          batch.forEach(p -> p.fail(e));
          return;
        }
      } catch (RuntimeException | Error e) {
        batch.forEach(p -> p.fail(e));
        return;
      }
    }
  }

  /**
   * The savepoint is not released after success (one round trip fewer): the next piece's savepoint
   * nests inside it, and rolling back to the newest one undoes only the newest piece.
   */
  private static void runIsolated(TransactionStatus status, Piece<?> piece) {
    Object savepoint = status.createSavepoint();
    try {
      piece.produce();
    } catch (PessimisticLockingFailureException e) {
      throw e;
    } catch (RuntimeException e) {
      status.rollbackToSavepoint(savepoint);
      piece.refused(e);
    }
  }

  private static final class Piece<T> {

    private static final Object YOUR_TURN = new Object();

    final Supplier<T> work;
    private final CompletableFuture<Object> signal = new CompletableFuture<>();
    private T value;
    private RuntimeException refusal;
    private volatile Throwable failure;

    Piece(Supplier<T> work) {
      this.work = work;
    }

    /**
     * @return true when this thread must lead a batch; false when another leader finished this
     *     piece.
     */
    boolean awaitTurnOrResult() {
      return signal.join() == YOUR_TURN;
    }

    void promote() {
      signal.complete(YOUR_TURN);
    }

    void produce() {
      value = work.get();
    }

    void refused(RuntimeException e) {
      refusal = e;
    }

    void reset() {
      value = null;
      refusal = null;
    }

    void succeed() {
      if (refusal != null) {
        failure = refusal;
      }
      signal.complete(this);
    }

    void fail(Throwable e) {
      failure = e;
      signal.complete(this);
    }

    @SuppressWarnings("unchecked")
    void complete(Supplier<?> transaction) {
      try {
        value = (T) transaction.get();
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      signal.complete(this);
    }

    T result() {
      Throwable f = failure;
      if (f instanceof RuntimeException e) {
        throw e;
      }
      if (f instanceof Error e) {
        throw e;
      }
      return value;
    }
  }
}
