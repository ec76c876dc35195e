package com.dbay.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class LoginIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  private Api.Response login(String username, String password) {
    return api.anonymous(
        "POST", "/api/v1/user/login/", Map.of("username", username, "password", password));
  }

  @Test
  void loginByUsernameAnswersTheFixedTokenShape() {
    JsonNode user = api.register(Api.unique("login"));

    Api.Response r = login(user.get("username").asString(), "correct-horse-battery-9");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("tokenType").asString()).isEqualTo("Bearer");
    assertThat(r.body().get("expiresIn").asLong()).isEqualTo(900);
    assertThat(r.body().get("accessToken").asString()).isNotBlank();
    assertThat(r.body().get("refreshToken").asString()).isNotBlank();
    assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
  }

  @Test
  void loginByEmailWorksToo() {
    JsonNode user = api.register(Api.unique("bymail"));

    assertThat(
            login(user.get("email").asString().toUpperCase(), "correct-horse-battery-9").status())
        .isEqualTo(200);
  }

  @Test
  void theAccessTokenIsAnRs256JwtVerifiableWithThePublishedJwks() throws Exception {
    JsonNode user = api.register(Api.unique("jwks"));
    String token =
        login(user.get("username").asString(), "correct-horse-battery-9")
            .body()
            .get("accessToken")
            .asString();

    JWKSet jwks =
        JWKSet.parse(
            api.anonymous("GET", "/api/v1/user/.well-known/jwks.json", null).body().toString());
    SignedJWT jwt = SignedJWT.parse(token);
    RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());

    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(key.isPrivate()).isFalse();
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(user.get("id").asString());
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("dbay-local");
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("dbay-web");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("token_use")).isEqualTo("access");
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("USER");
    assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(new Date());
  }

  @Test
  void theSigningKeyIsPersistedSoTokensSurviveARestart() {
    String kid =
        api.anonymous("GET", "/api/v1/user/.well-known/jwks.json", null)
            .body()
            .get("keys")
            .get(0)
            .get("kid")
            .asString();

    // What a fresh instance would load on start-up.
    String stored =
        jdbc.queryForObject(
            "select kid from signing_keys order by created_at, kid limit 1", String.class);

    assertThat(stored).isEqualTo(kid);
  }

  @Test
  void aWrongPasswordIs401ProblemJsonWithoutSayingWhichPartWasWrong() {
    JsonNode user = api.register(Api.unique("wrong"));

    Api.Response wrongPassword = login(user.get("username").asString(), "not-the-password-0");
    Api.Response unknownUser = login(Api.unique("ghost"), "not-the-password-0");

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
    assertThat(unknownUser.status()).isEqualTo(401);
    assertThat(unknownUser.body().get("detail").asString())
        .isEqualTo(wrongPassword.body().get("detail").asString());
  }

  @Test
  void refreshRotatesAndTheSpentTokenNoLongerWorks() {
    JsonNode user = api.register(Api.unique("rot"));
    String first =
        login(user.get("username").asString(), "correct-horse-battery-9")
            .body()
            .get("refreshToken")
            .asString();

    Api.Response rotated =
        api.anonymous("POST", "/api/v1/user/token/refresh", Map.of("refreshToken", first));
    Api.Response replay =
        api.anonymous("POST", "/api/v1/user/token/refresh", Map.of("refreshToken", first));

    assertThat(rotated.status()).isEqualTo(200);
    assertThat(rotated.body().get("refreshToken").asString()).isNotEqualTo(first);
    assertThat(replay.status()).isEqualTo(401);
    // Replaying a spent token revokes the whole family, including the token it was rotated into.
    String second = rotated.body().get("refreshToken").asString();
    assertThat(
            api.anonymous("POST", "/api/v1/user/token/refresh", Map.of("refreshToken", second))
                .status())
        .isEqualTo(401);
  }

  @Test
  void logoutRevokesTheRefreshToken() {
    JsonNode user = api.register(Api.unique("out"));
    String refresh =
        login(user.get("username").asString(), "correct-horse-battery-9")
            .body()
            .get("refreshToken")
            .asString();

    assertThat(
            api.anonymous("POST", "/api/v1/user/logout/", Map.of("refreshToken", refresh)).status())
        .isEqualTo(204);
    assertThat(
            api.anonymous("POST", "/api/v1/user/token/refresh", Map.of("refreshToken", refresh))
                .status())
        .isEqualTo(401);
  }

  @Test
  void aLogoutWithoutItsRefreshTokenIsRefusedInsteadOfPretendingToEndTheLogin() {
    assertThat(api.anonymous("POST", "/api/v1/user/logout", Map.of()).status()).isEqualTo(400);
    assertThat(api.anonymous("POST", "/api/v1/user/logout", Map.of("refreshToken", "")).status())
        .isEqualTo(400);
  }

  @Test
  void anUnknownRefreshTokenIs401() {
    assertThat(
            api.anonymous("POST", "/api/v1/user/token/refresh", Map.of("refreshToken", "made-up"))
                .status())
        .isEqualTo(401);
  }

  @Test
  void aSuspendedAccountCannotLogInOrRefreshAndAnAdminCanReinstateIt() {
    JsonNode admin = adminAccount();
    JsonNode user = api.register(Api.unique("susp"));
    String refresh =
        login(user.get("username").asString(), "correct-horse-battery-9")
            .body()
            .get("refreshToken")
            .asString();

    Api.Response suspended =
        api.as(
            Api.identityOf(admin),
            "POST",
            "/api/v1/user/admin/users/" + user.get("id").asString() + "/suspend",
            Map.of("reason", "spam"));

    assertThat(suspended.status()).isEqualTo(200);
    assertThat(suspended.body().get("status").asString()).isEqualTo("SUSPENDED");
    Api.Response denied = login(user.get("username").asString(), "correct-horse-battery-9");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.body().get("type").asString()).endsWith("/account-suspended");
    assertThat(
            api.anonymous("POST", "/api/v1/user/token/refresh", Map.of("refreshToken", refresh))
                .status())
        .isEqualTo(401);

    api.as(
        Api.identityOf(admin),
        "POST",
        "/api/v1/user/admin/users/" + user.get("id").asString() + "/reinstate",
        null);
    assertThat(login(user.get("username").asString(), "correct-horse-battery-9").status())
        .isEqualTo(200);
  }

  @Test
  void aMemberWhoIsNotAdminCannotSuspendAnyone() {
    JsonNode member = api.register(Api.unique("notadm"));
    JsonNode other = api.register(Api.unique("other"));

    Api.Response r =
        api.as(
            Api.identityOf(member),
            "POST",
            "/api/v1/user/admin/users/" + other.get("id").asString() + "/suspend",
            Map.of("reason", "x"));

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anAdminMaySeeAnyAccount() {
    JsonNode admin = adminAccount();
    JsonNode member = api.register(Api.unique("seen"));

    Api.Response r =
        api.as(
            Api.identityOf(admin),
            "GET",
            "/api/v1/user/users/" + member.get("id").asString(),
            null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("email").asString()).isEqualTo(member.get("email").asString());
  }

  /** The bootstrap admin of the test profile; registered once, reused after. */
  private JsonNode adminAccount() {
    Api.Response r =
        api.anonymous(
            "POST",
            "/api/v1/user/register",
            Map.of(
                "email",
                "root-admin-it@it.dbay",
                "username",
                "root-admin-it",
                "password",
                "correct-horse-battery-9"));
    if (r.status() == 201) {
      return r.body();
    }
    String token =
        login("root-admin-it", "correct-horse-battery-9").body().get("accessToken").asString();
    try {
      var claims = SignedJWT.parse(token).getJWTClaimsSet();
      return Api.JSON.valueToTree(
          Map.of(
              "id",
              claims.getSubject(),
              "username",
              "root-admin-it",
              "email",
              "root-admin-it@it.dbay",
              "roles",
              claims.getStringListClaim("roles")));
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
