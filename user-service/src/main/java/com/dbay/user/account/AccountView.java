package com.dbay.user.account;

import java.time.Instant;
import java.util.List;

/** The owner's (or an admin's) view of an account. */
public record AccountView(
    String id,
    String email,
    String username,
    String displayName,
    String location,
    String avatarUrl,
    Instant memberSince,
    List<String> roles,
    String status) {

  public static AccountView of(User user) {
    return new AccountView(
        user.id().toString(),
        user.email(),
        user.username(),
        user.displayName(),
        user.location(),
        user.avatarUrl(),
        user.createdAt(),
        user.roles().stream().map(Enum::name).sorted().toList(),
        user.status().name());
  }
}
