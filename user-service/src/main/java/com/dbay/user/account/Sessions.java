package com.dbay.user.account;

/**
 * The sessions of an account, as far as accounts need them: a suspension ends them all at once.
 * Implemented by {@code auth} (which knows the tokens), so that accounts do not depend on auth.
 */
public interface Sessions {

  /** Revokes every refresh token of the user; their access tokens simply run out. */
  void revokeAll(UserId user);
}
