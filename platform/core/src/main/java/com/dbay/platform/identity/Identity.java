package com.dbay.platform.identity;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as established by the gateway. {@code userId} is the app user id; the Cognito
 * fields are empty strings when the token came from the local user-service issuer without them.
 */
public record Identity(
    String userId, String cognitoSub, String username, String email, Set<String> roles) {

  public Identity {
    Objects.requireNonNull(userId, "userId");
    cognitoSub = cognitoSub == null ? "" : cognitoSub;
    username = username == null ? "" : username;
    email = email == null ? "" : email;
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return hasRole("ADMIN");
  }
}
