package com.dbay.user.account;

import java.time.Instant;

/** What anyone may see about a member: no email, no roles, no status details. */
public record PublicProfile(
    String username, String displayName, String location, String avatarUrl, Instant memberSince) {

  public static PublicProfile of(User user) {
    return new PublicProfile(
        user.username(), user.displayName(), user.location(), user.avatarUrl(), user.createdAt());
  }
}
