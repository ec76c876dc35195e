package com.dbay.user.cognito.web;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.CurrentUser;
import com.dbay.platform.starter.identity.MissingIdentityException;
import com.dbay.platform.starter.servicecall.GatewayProofOnly;
import com.dbay.user.account.User;
import com.dbay.user.cognito.CognitoUsers;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal: the gateway and the Lambda authorizer call this with a gateway proof over the Cognito
 * identity they just validated. The public gateway never routes {@code /internal/}; and even a
 * request that got here with a user's own proof could only resolve that same user.
 */
@RestController
@GatewayProofOnly
@RequestMapping("/api/v1/user/internal")
class ResolveController {

  record Resolved(
      String userId,
      String cognitoSub,
      String username,
      String email,
      List<String> roles,
      String status) {}

  private final CognitoUsers cognitoUsers;

  ResolveController(CognitoUsers cognitoUsers) {
    this.cognitoUsers = cognitoUsers;
  }

  @RequestMapping(
      value = {"/resolve", "/resolve/"},
      method = {RequestMethod.GET, RequestMethod.POST})
  Resolved resolve(@CurrentUser(required = false) Identity caller) {
    if (caller == null || caller.cognitoSub().isBlank()) {
      throw new MissingIdentityException();
    }
    User user = cognitoUsers.resolve(caller);
    return new Resolved(
        user.id().toString(),
        user.cognitoSub(),
        user.username(),
        user.email(),
        user.roles().stream().map(Enum::name).sorted().toList(),
        user.status().name());
  }
}
