package com.dbay.platform.starter.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method whose requests carry an {@code Idempotency-Key} header. Per calling
 * user and key, the first request runs and its response (status and body) is stored; a repeat with
 * the same method, path and body gets that response again (with {@code Idempotent-Replayed: true})
 * without running the method; a repeat with a different request gets 422; a repeat while the first
 * is still running waits briefly for it and otherwise gets 409. Server errors (5xx) are not stored,
 * so the client may retry them with the same key.
 *
 * <pre>{@code
 * @Idempotent
 * @PostMapping("/auctions/{listingId}/bids")
 * BidResponse placeBid(@PathVariable String listingId, @Valid @RequestBody PlaceBid request) { ... }
 * }</pre>
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

  /** Without a key, refuse the request with 400 (the default) or run it without protection. */
  boolean required() default true;
}
