package com.dbay.user.account;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.starter.events.Outbox;
import java.time.Clock;
import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User moderation. The caller's ADMIN role is checked against the database, not only the token. */
@Service
public class AdminService {

  private final Users users;
  private final Sessions tokens;
  private final Clock clock;
  private final Outbox outbox;

  public AdminService(Users users, Sessions tokens, Clock clock, Outbox outbox) {
    this.outbox = outbox;
    this.users = users;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Page<User> list(Identity caller, int page, int size) {
    requireAdmin(caller);
    return users.findAllByOrderByCreatedAtAsc(
        PageRequest.of(Math.max(page, 0), Math.clamp(size, 1, 100)));
  }

  @Transactional
  public User suspend(Identity caller, UserId target, String reason) {
    User admin = requireAdmin(caller);
    if (admin.id().equals(target)) {
      throw DomainException.forbidden("Admins cannot suspend themselves.");
    }
    User user = users.findById(target).orElseThrow(() -> DomainException.notFound("The account"));
    Instant now = clock.instant();
    if (user.suspend(reason, now)) {
      tokens.revokeAll(target);
      // Refuses the access tokens already out (gateway deny-list) and tells the services that
      // check the account on money paths themselves.
      outbox.publish(
          UserSuspended.TYPE, new UserSuspended(target.toString(), user.cognitoSub(), now));
    }
    return user;
  }

  @Transactional
  public User reinstate(Identity caller, UserId target) {
    requireAdmin(caller);
    User user = users.findById(target).orElseThrow(() -> DomainException.notFound("The account"));
    Instant now = clock.instant();
    if (user.reinstate(now)) {
      outbox.publish(UserReinstated.TYPE, new UserReinstated(target.toString(), now));
    }
    return user;
  }

  /** The private view of another account: for its owner and for admins only. */
  @Transactional(readOnly = true)
  public User view(Identity caller, UserId target) {
    if (caller.userId().equals(target.toString())) {
      return users.findById(target).orElseThrow(() -> DomainException.notFound("The account"));
    }
    User self = UserId.parse(caller.userId()).flatMap(users::findById).orElse(null);
    if (self == null || !self.isActive() || !self.roles().contains(Role.ADMIN)) {
      // The same answer as for an id that does not exist: no way to probe which ids do.
      throw DomainException.notFound("The account");
    }
    return users.findById(target).orElseThrow(() -> DomainException.notFound("The account"));
  }

  private User requireAdmin(Identity caller) {
    User self = UserId.parse(caller.userId()).flatMap(users::findById).orElse(null);
    if (self == null || !self.isActive() || !self.roles().contains(Role.ADMIN)) {
      throw DomainException.forbidden("This needs the ADMIN role.");
    }
    return self;
  }
}
