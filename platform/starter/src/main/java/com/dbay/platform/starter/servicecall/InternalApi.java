package com.dbay.platform.starter.servicecall;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An internal endpoint: only a signed call from one of {@link #callers} reaches it (401 when the
 * call proves no caller, 403 when it proves another). On a controller it covers every handler
 * method; on a method it replaces the controller's list. Every declaration must match a row of
 * {@code dbay/internal-endpoints.tsv} (checked at start-up), and a handler under an {@code
 * /internal/} path without one is refused to everybody.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InternalApi {

  /** The calling parts allowed, by name: {@code auction-service}, {@code deposit-watcher}, ... */
  String[] callers();
}
