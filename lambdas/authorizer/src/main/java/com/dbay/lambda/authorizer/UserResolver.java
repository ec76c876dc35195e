package com.dbay.lambda.authorizer;

import java.util.List;

/** Maps a Cognito sub to the app user (user-service's internal resolve). */
public interface UserResolver {

  record Resolved(String userId, List<String> roles, String status) {

    public boolean active() {
      return "ACTIVE".equals(status);
    }
  }

  Resolved resolve(String sub, String username, String email);
}
