package com.dbay.user.auth;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.starter.events.Outbox;
import com.dbay.user.UserProperties;
import com.dbay.user.account.User;
import com.dbay.user.account.UserId;
import com.dbay.user.account.Users;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class TokenService implements com.dbay.user.account.Sessions {

  private static final Logger log = LoggerFactory.getLogger(TokenService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Users users;
  private final RefreshTokens refreshTokens;
  private final AccessTokens accessTokens;
  private final PasswordEncoder passwords;
  private final UserProperties properties;
  private final Clock clock;
  private final Outbox outbox;

  /**
   * Compared against when the account does not exist, so that timing does not reveal which names
   * exist.
   */
  private final String dummyHash;

  public TokenService(
      Users users,
      RefreshTokens refreshTokens,
      AccessTokens accessTokens,
      PasswordEncoder passwords,
      UserProperties properties,
      Clock clock,
      Outbox outbox) {
    this.outbox = outbox;
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.accessTokens = accessTokens;
    this.passwords = passwords;
    this.properties = properties;
    this.clock = clock;
    this.dummyHash = passwords.encode("not-a-password-" + UUID.randomUUID());
  }

  @Transactional
  public TokenPair login(String usernameOrEmail, String password) {
    String name = usernameOrEmail == null ? "" : usernameOrEmail.trim().toLowerCase(Locale.ROOT);
    Optional<User> found =
        name.contains("@") ? users.findByEmail(name) : users.findByUsername(name);
    String hash = found.map(User::passwordHash).orElse(null);
    boolean matches =
        passwords.matches(password == null ? "" : password, hash == null ? dummyHash : hash)
            && hash != null;
    if (!matches) {
      throw new DomainException(
          Kind.UNAUTHENTICATED, "invalid-credentials", "The username or password is wrong.");
    }
    User user = found.get();
    if (!user.isActive()) {
      throw suspended();
    }
    return issue(user, UUID.randomUUID());
  }

  /** Rotates: the presented token is spent, a new one in the same family comes back. */
  @Transactional(noRollbackFor = DomainException.class)
  public TokenPair refresh(String presented) {
    Instant now = clock.instant();
    RefreshToken token =
        refreshTokens.findByTokenHash(hash(presented)).orElseThrow(TokenService::invalidRefresh);
    if (token.isRevoked()) {
      // A spent token came back: either the client retried or someone stole it. Both ends lose the
      // family.
      log.warn("Refresh token reuse for user {}: revoking its family", token.userId());
      refreshTokens.revokeFamily(token.familyId(), now);
      outbox.publish(
          SessionRevoked.TYPE,
          new SessionRevoked(token.userId().toString(), token.familyId().toString(), now));
      throw invalidRefresh();
    }
    if (token.isExpired(now)) {
      throw invalidRefresh();
    }
    token.revoke(now);
    User user =
        users.findById(new UserId(token.userId())).orElseThrow(TokenService::invalidRefresh);
    if (!user.isActive()) {
      throw suspended();
    }
    return issue(user, token.familyId());
  }

  @Transactional
  public void logout(String presented) {
    if (presented == null || presented.isBlank()) {
      return;
    }
    refreshTokens
        .findByTokenHash(hash(presented))
        .ifPresent(
            t -> {
              Instant now = clock.instant();
              refreshTokens.revokeFamily(t.familyId(), now);
              // The login's access tokens too, at the gateway, within a second (not at their
              // expiry).
              outbox.publish(
                  SessionRevoked.TYPE,
                  new SessionRevoked(t.userId().toString(), t.familyId().toString(), now));
            });
  }

  @Override
  @Transactional
  public void revokeAll(UserId user) {
    refreshTokens.revokeAllOf(user.value(), clock.instant());
  }

  private TokenPair issue(User user, UUID family) {
    Instant now = clock.instant();
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    refreshTokens.save(
        new RefreshToken(
            user.id().value(),
            family,
            hash(refresh),
            now.plus(properties.jwt().refreshTokenTtl()),
            now));
    return TokenPair.bearer(accessTokens.issue(user, family), refresh, accessTokens.ttlSeconds());
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static DomainException invalidRefresh() {
    return new DomainException(
        Kind.UNAUTHENTICATED,
        "invalid-refresh-token",
        "The refresh token is unknown, spent, revoked or expired.");
  }

  private static DomainException suspended() {
    return new DomainException(Kind.FORBIDDEN, "account-suspended", "This account is suspended.");
  }
}
