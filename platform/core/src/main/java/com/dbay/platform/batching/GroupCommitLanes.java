package com.dbay.platform.batching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One lane per key (an auction, a user): requests for a key that arrive while a batch of that key
 * runs queue up, and the next caller to lead runs them together as one batch — typically one
 * transaction and one durable commit for many requests. Requests of a key are handled strictly in
 * the order they joined the lane; different keys never wait for each other.
 *
 * <p>There is no thread of its own: a caller whose request opens a lane leads, runs one batch
 * (starting with its own request), then hands the lane to the oldest waiting caller, so nobody runs
 * everyone else's work for long and nothing is left behind when callers stop coming.
 *
 * <p>The batch function answers every request of the batch, in order, or throws: then every request
 * of that batch fails with that exception (none of them was acknowledged, so a retry with the same
 * idempotency key is safe).
 *
 * @param <K> the lane key
 * @param <Q> a request
 * @param <A> its answer
 */
public final class GroupCommitLanes<K, Q, A> {

  /** Runs one batch; must return exactly one answer per request, in the same order. */
  @FunctionalInterface
  public interface Batch<K, Q, A> {
    List<A> run(K key, List<Q> requests);
  }

  private final Batch<K, Q, A> batch;
  private final int maxBatch;
  private final ConcurrentHashMap<K, ArrayDeque<Waiter<Q, A>>> lanes = new ConcurrentHashMap<>();

  public GroupCommitLanes(Batch<K, Q, A> batch, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1");
    }
    this.batch = Objects.requireNonNull(batch);
    this.maxBatch = maxBatch;
  }

  /**
   * Handles {@code request} in its key's lane and returns its answer (or throws the batch's
   * failure).
   */
  public A submit(K key, Q request) {
    Waiter<Q, A> me = new Waiter<>(request);
    boolean[] leads = {false};
    lanes.compute(
        key,
        (k, queue) -> {
          if (queue == null) {
            queue = new ArrayDeque<>();
            leads[0] = true;
          }
          queue.add(me);
          return queue;
        });
    if (leads[0] || me.awaitTurnOrAnswer()) {
      lead(key);
    }
    return me.answer();
  }

  private void lead(K key) {
    List<Waiter<Q, A>> taken = new ArrayList<>();
    lanes.computeIfPresent(
        key,
        (k, queue) -> {
          while (taken.size() < maxBatch && !queue.isEmpty()) {
            taken.add(queue.poll());
          }
          return queue;
        });
    try {
      List<A> answers = batch.run(key, taken.stream().map(w -> w.request).toList());
      if (answers.size() != taken.size()) {
        throw new IllegalStateException(
            "a batch of " + taken.size() + " gave " + answers.size() + " answers");
      }
      for (int i = 0; i < taken.size(); i++) {
        taken.get(i).succeed(answers.get(i));
      }
    } catch (RuntimeException | Error e) {
      taken.forEach(w -> w.fail(e));
    } finally {
      handOver(key);
    }
  }

  private void handOver(K key) {
    @SuppressWarnings("unchecked")
    Waiter<Q, A>[] next = new Waiter[1];
    lanes.compute(
        key,
        (k, queue) -> {
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

  private static final class Waiter<Q, A> {

    private static final Object YOUR_TURN = new Object();

    final Q request;
    private final CompletableFuture<Object> signal = new CompletableFuture<>();
    private A value;
    private Throwable failure;

    Waiter(Q request) {
      this.request = request;
    }

    /**
     * @return true when this caller must lead a batch; false when a leader answered it.
     */
    boolean awaitTurnOrAnswer() {
      return signal.join() == YOUR_TURN;
    }

    void promote() {
      signal.complete(YOUR_TURN);
    }

    void succeed(A answer) {
      value = answer;
      signal.complete(this);
    }

    void fail(Throwable e) {
      failure = e;
      signal.complete(this);
    }

    A answer() {
      // The future's completion publishes value/failure to this thread (happens-before).
      signal.join();
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return value;
    }
  }
}
