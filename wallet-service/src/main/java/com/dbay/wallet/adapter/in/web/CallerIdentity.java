package com.dbay.wallet.adapter.in.web;

import com.dbay.platform.identity.Identity;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who the user calling the public API is. Behind an interface so that the platform's identity
 * filter can replace this service's own resolver without touching the controllers.
 */
public interface CallerIdentity {

  /** The verified caller; throws {@link Unauthenticated} when there is none. */
  Identity require(HttpServletRequest request);

  final class Unauthenticated extends RuntimeException {
    public Unauthenticated() {
      super("a signed-in user is required");
    }
  }

  final class Forbidden extends RuntimeException {
    public Forbidden(String message) {
      super(message);
    }
  }
}
