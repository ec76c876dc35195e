/**
 * Idempotency-Key handling for requests that move money or place bids: the first result is replayed
 * to repeats.
 */
package com.dbay.platform.starter.idempotency;
