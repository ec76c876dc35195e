package com.dbay.user.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An account. Its state changes go through methods that guard them: a profile update can only touch
 * the profile fields, roles change only through {@link #grant}, and a suspended account cannot be
 * suspended twice.
 */
@Entity
@Table(name = "users")
public class User {

  @Id private UUID id;
  private String email;
  private String username;
  private String passwordHash;
  private String cognitoSub;
  private String displayName;
  private String location;
  private String avatarUrl;
  private String roles;

  @Enumerated(EnumType.STRING)
  private AccountStatus status;

  private String suspendedReason;
  private Instant createdAt;
  private Instant updatedAt;

  @Version
  @Column(nullable = false)
  private long version;

  protected User() {}

  private User(
      UserId id,
      String email,
      String username,
      String passwordHash,
      String cognitoSub,
      String displayName,
      Instant now) {
    this.id = id.value();
    this.email = email;
    this.username = username;
    this.passwordHash = passwordHash;
    this.cognitoSub = cognitoSub;
    this.displayName = displayName;
    this.roles = Role.USER.name();
    this.status = AccountStatus.ACTIVE;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public static User register(
      String email, String username, String passwordHash, String displayName, Instant now) {
    return new User(UserId.random(), email, username, passwordHash, null, displayName, now);
  }

  public static User fromCognito(String cognitoSub, String email, String username, Instant now) {
    return new User(UserId.random(), email, username, null, cognitoSub, username, now);
  }

  public void updateProfile(ProfileUpdate update, Instant now) {
    if (update.displayName() != null) {
      displayName = update.displayName();
    }
    if (update.location() != null) {
      location = update.location().isBlank() ? null : update.location();
    }
    if (update.avatarUrl() != null) {
      avatarUrl = update.avatarUrl().isBlank() ? null : update.avatarUrl();
    }
    updatedAt = now;
  }

  public void grant(Role role, Instant now) {
    Set<Role> current = roles();
    current.add(role);
    roles = current.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    updatedAt = now;
  }

  /**
   * @return false when the account was already suspended (nothing changed).
   */
  public boolean suspend(String reason, Instant now) {
    if (status == AccountStatus.SUSPENDED) {
      return false;
    }
    status = AccountStatus.SUSPENDED;
    suspendedReason = reason;
    updatedAt = now;
    return true;
  }

  public boolean reinstate(Instant now) {
    if (status == AccountStatus.ACTIVE) {
      return false;
    }
    status = AccountStatus.ACTIVE;
    suspendedReason = null;
    updatedAt = now;
    return true;
  }

  public void linkCognito(String sub, Instant now) {
    cognitoSub = sub;
    updatedAt = now;
  }

  public UserId id() {
    return new UserId(id);
  }

  public String email() {
    return email;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public String cognitoSub() {
    return cognitoSub;
  }

  public String displayName() {
    return displayName;
  }

  public String location() {
    return location;
  }

  public String avatarUrl() {
    return avatarUrl;
  }

  public Set<Role> roles() {
    Set<Role> set = EnumSet.noneOf(Role.class);
    Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(set::add);
    return set;
  }

  public AccountStatus status() {
    return status;
  }

  public boolean isActive() {
    return status == AccountStatus.ACTIVE;
  }

  public String suspendedReason() {
    return suspendedReason;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
