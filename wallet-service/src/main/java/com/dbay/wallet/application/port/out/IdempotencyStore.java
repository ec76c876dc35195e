package com.dbay.wallet.application.port.out;

import java.util.function.Supplier;

/**
 * Remembers operations by (caller, key) inside the current unit of work. The first call runs the
 * action and stores its result with the request's fingerprint; a repeat with the same fingerprint
 * returns the stored result without running anything; a repeat with another fingerprint throws
 * {@link com.dbay.wallet.domain.WalletException.IdempotencyKeyReused}. Concurrent repeats wait for
 * the first to commit. A failed action stores nothing (the unit of work rolls back), so a refused
 * request may be retried with the same key once the cause is gone.
 */
public interface IdempotencyStore {

  <R> R once(String caller, String key, String fingerprint, Class<R> resultType, Supplier<R> action);
}
