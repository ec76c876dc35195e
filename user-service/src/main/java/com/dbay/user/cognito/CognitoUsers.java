package com.dbay.user.cognito;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.user.account.User;
import com.dbay.user.account.Users;
import java.time.Clock;
import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maps a Cognito {@code sub} to the app user, creating the app user the first time a valid Cognito
 * identity shows up. "Valid" is the caller's job: the identity reaches here only with a gateway
 * proof, i.e. after the gateway or the Lambda authorizer checked the Cognito token.
 */
@Service
public class CognitoUsers implements com.dbay.user.account.ExternalIdentities {

  private final Users users;
  private final Clock clock;

  public CognitoUsers(Users users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public User resolve(Identity identity) {
    String sub = identity.cognitoSub();
    if (sub.isBlank()) {
      throw DomainException.unauthenticated("No Cognito identity was proven.");
    }
    return users.findByCognitoSub(sub).orElseGet(() -> create(identity));
  }

  private User create(Identity identity) {
    String email = identity.email().trim().toLowerCase(Locale.ROOT);
    if (email.isEmpty()) {
      email = identity.cognitoSub() + "@users.noreply.dbay";
    }
    if (users.existsByEmail(email)) {
      // Linking by email would let whoever controls a pool identity with that (maybe unverified)
      // email take over the local account; an operator links such accounts deliberately.
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          "email-in-use",
          "A local account already uses this email; it cannot be linked to the Cognito identity automatically.");
    }
    // Pools that sign in by email use the sub as cognito:username; the email reads better then.
    boolean opaque =
        identity.username().isBlank() || identity.username().equals(identity.cognitoSub());
    String username = freeUsername(opaque ? email : identity.username());
    try {
      return users.saveAndFlush(
          User.fromCognito(identity.cognitoSub(), email, username, clock.instant()));
    } catch (DataIntegrityViolationException race) {
      return users.findByCognitoSub(identity.cognitoSub()).orElseThrow(() -> race);
    }
  }

  private String freeUsername(String wanted) {
    String base = wanted.toLowerCase(Locale.ROOT).split("@", 2)[0].replaceAll("[^a-z0-9_.-]", "-");
    base = base.replaceAll("^[^a-z0-9]+", "");
    if (base.length() > 24) {
      base = base.substring(0, 24);
    }
    if (base.length() < 3) {
      base = "member" + base;
    }
    String candidate = base;
    for (int n = 2; users.existsByUsername(candidate); n++) {
      candidate = base + "-" + n;
    }
    return candidate;
  }
}
