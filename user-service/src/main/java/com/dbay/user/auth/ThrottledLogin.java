package com.dbay.user.auth;

import com.dbay.platform.problem.DomainException;
import org.springframework.stereotype.Service;

/**
 * Login with growing delays per account and per source address: only a wrong password counts as a
 * failure, and a throttled attempt is refused before the password is even checked.
 */
@Service
public class ThrottledLogin {

  private final LoginThrottle throttle;
  private final TokenService tokens;

  public ThrottledLogin(LoginThrottle throttle, TokenService tokens) {
    this.throttle = throttle;
    this.tokens = tokens;
  }

  public TokenPair login(String usernameOrEmail, String password, String sourceAddress) {
    return throttle.guard(
        usernameOrEmail,
        sourceAddress,
        e -> e instanceof DomainException d && d.kind() == DomainException.Kind.UNAUTHENTICATED,
        () -> tokens.login(usernameOrEmail, password));
  }
}
