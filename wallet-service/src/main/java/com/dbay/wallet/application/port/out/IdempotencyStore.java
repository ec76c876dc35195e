package com.dbay.wallet.application.port.out;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers operations by (caller, key) inside the current unit of work. {@link #claim} takes the
 * key: empty means this request is the first and must {@link #remember} its result before the unit
 * of work commits; otherwise it returns the first request's result, and throws {@link
 * com.dbay.wallet.domain.WalletException.IdempotencyKeyReused} when the fingerprint of the
 * parameters differs. Concurrent repeats wait for the first to commit. A failed request stores
 * nothing (the unit of work rolls back), so it may be retried with the same key once the cause is
 * gone.
 */
public interface IdempotencyStore {

  <R> Optional<R> claim(String caller, String key, String fingerprint, Class<R> resultType);

  void remember(String caller, String key, Object result);

  /**
   * Like {@link #claim} for operations whose result is known before they run (it follows from the
   * request): the result is stored with the claim, saving a round trip; if the operation then
   * fails, the unit of work rolls the claim back with everything else.
   */
  <R> Optional<R> claim(
      String caller, String key, String fingerprint, Class<R> resultType, R resultIfFirst);

  /** Claim, run, remember: for operations that need nothing between remembering and committing. */
  default <R> R once(
      String caller, String key, String fingerprint, Class<R> resultType, Supplier<R> action) {
    Optional<R> first = claim(caller, key, fingerprint, resultType);
    if (first.isPresent()) {
      return first.get();
    }
    R result = action.get();
    remember(caller, key, result);
    return result;
  }
}
