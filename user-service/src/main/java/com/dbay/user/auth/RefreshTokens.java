package com.dbay.user.auth;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RefreshTokens extends JpaRepository<RefreshToken, UUID> {

  /** Locked, so that two refreshes racing with the same token cannot both succeed. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<RefreshToken> findByTokenHash(String tokenHash);

  @Modifying
  @Query(
      "update RefreshToken t set t.revokedAt = :now where t.familyId = :family and t.revokedAt is null")
  int revokeFamily(UUID family, Instant now);

  @Modifying
  @Query(
      "update RefreshToken t set t.revokedAt = :now where t.userId = :user and t.revokedAt is null")
  int revokeAllOf(UUID user, Instant now);
}
