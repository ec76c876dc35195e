package com.dbay.user.account.web;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.starter.identity.CurrentUser;
import com.dbay.user.account.AccountService;
import com.dbay.user.account.AccountView;
import com.dbay.user.account.ExternalIdentities;
import com.dbay.user.account.ProfileUpdate;
import com.dbay.user.account.PublicProfile;
import com.dbay.user.account.Registration;
import com.dbay.user.account.User;
import com.dbay.user.account.UserId;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/user")
class AccountController {

  private final AccountService accounts;
  private final ExternalIdentities cognitoUsers;
  private final com.dbay.user.account.AdminService admin;

  AccountController(
      AccountService accounts,
      ExternalIdentities cognitoUsers,
      com.dbay.user.account.AdminService admin) {
    this.accounts = accounts;
    this.cognitoUsers = cognitoUsers;
    this.admin = admin;
  }

  @PostMapping({"/register", "/register/"})
  ResponseEntity<AccountView> register(@Valid @RequestBody Registration registration) {
    User user = accounts.register(registration);
    return ResponseEntity.created(URI.create("/api/v1/user/users/" + user.id()))
        .body(AccountView.of(user));
  }

  /**
   * The caller's own account. The gateway proves either an app user id ({@code X-User-ID}) or, on
   * the Cognito path when nobody resolved it yet, only a Cognito sub ({@code X-Cognito-Sub}).
   */
  @GetMapping({"/users/me", "/users/me/"})
  AccountView me(@CurrentUser(required = false) Identity caller) {
    return AccountView.of(self(caller));
  }

  @PatchMapping({"/users/me", "/users/me/"})
  AccountView updateMe(
      @CurrentUser(required = false) Identity caller, @Valid @RequestBody ProfileUpdate update) {
    return AccountView.of(accounts.updateProfile(self(caller).id(), update));
  }

  @PutMapping({"/users/me", "/users/me/"})
  AccountView replaceMe(
      @CurrentUser(required = false) Identity caller, @Valid @RequestBody ProfileUpdate update) {
    return updateMe(caller, update);
  }

  @GetMapping({"/users/{id}", "/users/{id}/"})
  AccountView account(@CurrentUser Identity caller, @PathVariable String id) {
    UserId target = UserId.parse(id).orElseThrow(() -> DomainException.notFound("The account"));
    return AccountView.of(admin.view(caller, target));
  }

  @GetMapping({"/profiles/{username}", "/profiles/{username}/"})
  PublicProfile profile(@PathVariable String username) {
    return PublicProfile.of(accounts.byUsername(username));
  }

  private User self(Identity caller) {
    if (caller != null && !caller.userId().isBlank()) {
      return UserId.parse(caller.userId())
          .map(accounts::find)
          .flatMap(o -> o)
          .orElseThrow(
              () -> DomainException.unauthenticated("The signed-in account no longer exists."));
    }
    if (caller != null && !caller.cognitoSub().isBlank()) {
      return cognitoUsers.resolve(caller);
    }
    throw new com.dbay.platform.starter.identity.MissingIdentityException();
  }
}
