package com.dbay.user.auth;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token, known only by its hash. Used once: refreshing revokes it and issues the next.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

  @Id private UUID id;
  private UUID userId;
  private UUID familyId;
  private String tokenHash;
  private Instant expiresAt;
  private Instant revokedAt;
  private Instant createdAt;

  protected RefreshToken() {}

  RefreshToken(UUID userId, UUID familyId, String tokenHash, Instant expiresAt, Instant now) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.familyId = familyId;
    this.tokenHash = tokenHash;
    this.expiresAt = expiresAt;
    this.createdAt = now;
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  UUID userId() {
    return userId;
  }

  UUID familyId() {
    return familyId;
  }
}
