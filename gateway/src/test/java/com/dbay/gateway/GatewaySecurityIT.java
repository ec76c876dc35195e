package com.dbay.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.identity.IdentityHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Every token the gateway must refuse, and what a service behind it gets to see. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewaySecurityIT {

  static final String SECRET = "gateway-security-it-secret-0123456789abcdef";
  static final Tokens TOKENS = new Tokens();
  static final StubServices STUB = StubServices.trusting(SECRET, TOKENS);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    GatewayTestConfig.common(registry, STUB, SECRET);
    registry.add("dbay.gateway.max-body-size", () -> "1KB");
  }

  @AfterAll
  static void stop() {
    STUB.close();
  }

  /**
   * {@code reachedUpstream}: how many requests the services received while this one was answered.
   */
  record Answer(
      int status,
      String contentType,
      JsonNode body,
      HttpResponse<String> raw,
      int reachedUpstream) {}

  Answer call(String method, String path, String token, Map<String, String> headers, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    int before = STUB.received.size();
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json =
          response.body().isBlank()
                  || !response.headers().firstValue("Content-Type").orElse("").contains("json")
              ? null
              : StubServices.JSON.readTree(response.body());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          json,
          response,
          STUB.received.size() - before);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Answer me(String token) {
    return call("GET", "/api/v1/user/users/me/", token, Map.of(), null);
  }

  private void assertRefused(Answer answer) {
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.raw().headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(answer.reachedUpstream()).as("requests the service received").isZero();
  }

  @Test
  void aValidTokenReachesTheServiceAsAProvenIdentity() {
    Answer answer = me(TOKENS.valid("user-1"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("verified").asBoolean()).isTrue();
    assertThat(answer.body().get("userId").asString()).isEqualTo("user-1");
    assertThat(answer.body().get("username").asString()).isEqualTo("alice");
    assertThat(answer.body().get("email").asString()).isEqualTo("alice@demo.dbay");
    assertThat(answer.body().get("roles").toString()).isEqualTo("[\"USER\"]");
    assertThat(answer.body().get("path").asString()).isEqualTo("/api/v1/user/users/me/");
  }

  @Test
  void aMissingTokenIs401FromAServiceThatNeedsAUser() {
    Answer answer = me(null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(STUB.lastHeaders).doesNotContainKey(IdentityHeaders.USER_ID.toLowerCase());
  }

  @Test
  void anExpiredTokenIs401() {
    assertRefused(
        me(
            TOKENS.with(
                "user-1",
                c ->
                    c.issueTime(Date.from(Instant.now().minusSeconds(3600)))
                        .notBeforeTime(Date.from(Instant.now().minusSeconds(3600)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(120))))));
  }

  @Test
  void aNotYetValidTokenIs401() {
    assertRefused(
        me(TOKENS.with("user-1", c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600))))));
  }

  @Test
  void aTokenWithoutExpiryIs401() {
    assertRefused(me(TOKENS.with("user-1", c -> c.expirationTime(null))));
  }

  @Test
  void aTokenFromAnotherIssuerIs401() {
    assertRefused(me(TOKENS.with("user-1", c -> c.issuer("https://evil.example/"))));
  }

  @Test
  void aTokenForAnotherAudienceIs401() {
    assertRefused(me(TOKENS.with("user-1", c -> c.audience("some-other-app"))));
  }

  @Test
  void aTokenOfAnotherUseIs401() {
    assertRefused(me(TOKENS.with("user-1", c -> c.claim("token_use", "refresh"))));
  }

  @Test
  void anUnsignedAlgNoneTokenIs401() {
    assertRefused(me(TOKENS.unsigned("user-1")));
  }

  @Test
  void anHs256TokenKeyedWithThePublicKeyIs401() {
    assertRefused(me(TOKENS.hs256WithPublicKey("user-1")));
  }

  @Test
  void aTamperedTokenIs401() {
    assertRefused(me(TOKENS.tampered("user-1")));
  }

  @Test
  void aTokenSignedByAKeyWithAnUnknownKidIs401() {
    assertRefused(me(Tokens.sign(TOKENS.stranger, TOKENS.claims("user-1").build())));
  }

  @Test
  void aTokenSignedByAnUntrustedKeyUnderTheTrustedKidIs401() {
    var impostor = Tokens.generate(TOKENS.trusted.getKeyID());
    assertRefused(me(Tokens.sign(impostor, TOKENS.claims("user-1").build())));
  }

  @Test
  void garbageInTheAuthorizationHeaderIs401() {
    assertRefused(me("not.a.jwt"));
  }

  @Test
  void aClientSentUserIdNeverChangesWhoTheCallerIs() {
    Map<String, String> spoofed = new LinkedHashMap<>();
    spoofed.put(IdentityHeaders.USER_ID, "victim");
    spoofed.put(IdentityHeaders.COGNITO_SUB, "victim-sub");
    spoofed.put(IdentityHeaders.ROLES, "ADMIN");
    spoofed.put(IdentityHeaders.PROOF_TIMESTAMP, "1");
    spoofed.put(IdentityHeaders.PROOF_SIGNATURE, "forged");

    Answer withToken =
        call("GET", "/api/v1/listing/anything", TOKENS.valid("user-1"), spoofed, null);
    Answer withoutToken = call("GET", "/api/v1/listing/anything", null, spoofed, null);

    assertThat(withToken.body().get("userId").asString()).isEqualTo("user-1");
    assertThat(withToken.body().get("roles").toString()).isEqualTo("[\"USER\"]");
    assertThat(withToken.body().get("cognitoSub").asString()).isEmpty();
    assertThat(withoutToken.body().get("verified").asBoolean()).isFalse();
    assertThat(withoutToken.body().get("clientUserIdHeader").isNull()).isTrue();
    assertThat(STUB.lastHeaders)
        .doesNotContainKeys("x-user-id", "x-gateway-signature", "x-user-roles");
  }

  @Test
  void forgedIdentityHeadersWithAnInvalidTokenAreRefusedBeforeAnyService() {
    Map<String, String> spoofed =
        Map.of(
            IdentityHeaders.USER_ID,
            "victim",
            IdentityHeaders.ROLES,
            "ADMIN",
            IdentityHeaders.PROOF_TIMESTAMP,
            Long.toString(Instant.now().getEpochSecond()),
            IdentityHeaders.PROOF_SIGNATURE,
            "forged");

    assertRefused(call("GET", "/api/v1/wallet/balance", TOKENS.unsigned("victim"), spoofed, null));
    assertRefused(call("GET", "/api/v1/wallet/balance", TOKENS.tampered("victim"), spoofed, null));
  }

  @Test
  void theProofSignsTheQueryTheServiceReceivesHoweverItIsEncoded() {
    Answer answer =
        call(
            "GET",
            "/api/v1/search/listings?q=red+shoe&category=%41b&sort=price&q=%C3%A9t%C3%A9&empty=&flag",
            TOKENS.valid("user-1"),
            Map.of(),
            null);

    assertThat(answer.status()).isEqualTo(200);
    // The gateway groups repeated names when it forwards (why the proof sorts the pairs).
    assertThat(answer.body().get("query").asString().split("&"))
        .containsExactlyInAnyOrder(
            "q=red+shoe", "category=%41b", "sort=price", "q=%C3%A9t%C3%A9", "empty=", "flag");
    assertThat(answer.body().get("verified").asBoolean())
        .as("the service verified the proof over this query")
        .isTrue();
  }

  @Test
  void actuatorEndpointsOtherThanHealthAreNotRouted() {
    for (String path :
        new String[] {
          "/actuator/prometheus",
          "/actuator/metrics",
          "/actuator/env",
          "/actuator/info",
          "/actuator/gateway/routes",
          "/api/v1/user/actuator/prometheus",
          "/api/v1/wallet/actuator/env",
          "/api/v1/listing/actuator/health/../prometheus",
          "/api/v1/auction/actuator/prometheus"
        }) {
      Answer answer = call("GET", path, TOKENS.valid("user-1"), Map.of(), null);

      assertThat(answer.status()).as(path).isIn(400, 404);
      assertThat(answer.raw().body()).as(path).doesNotContain("jvm_").doesNotContain("# TYPE");
      assertThat(answer.reachedUpstream()).as(path).isZero();
    }
    assertThat(call("GET", "/actuator/health", null, Map.of(), null).status()).isEqualTo(200);
  }

  @Test
  void internalEndpointsAreNotReachableThroughTheGateway() {
    String token = TOKENS.valid("user-1");
    for (String path :
        new String[] {
          "/api/v1/user/internal/resolve/",
          "/api/v1/user/internal/resolve",
          "/api/v1/user/INTERNAL/resolve/",
          "/api/v1/user/%69nternal/resolve/",
          "/api/v1/user/users/../internal/resolve/",
          "/api/v1/user/users/%2e%2e/internal/resolve/",
          "/api/v1/user//internal/resolve/",
          "/api/v1/user;x=1/internal/resolve/",
          "/api/v1/wallet/internal/anything"
        }) {
      Answer answer = call("POST", path, token, Map.of(), null);

      assertThat(answer.status()).as(path).isIn(400, 404);
      assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
      assertThat(answer.reachedUpstream()).as(path).isZero();
    }
  }

  @Test
  void bodiesOverTheLimitAre413() {
    Answer answer =
        call(
            "POST",
            "/api/v1/listing/listings",
            TOKENS.valid("user-1"),
            Map.of(),
            "{\"x\":\"" + "a".repeat(4096) + "\"}");

    assertThat(answer.status()).isEqualTo(413);
  }

  @Test
  void anOverlongRequestTargetIs414AsAProblemAndReachesNoService() {
    Answer answer =
        call(
            "GET",
            "/api/v1/listing/listings?q=" + "a".repeat(64 * 1024),
            TOKENS.valid("user-1"),
            Map.of(),
            null);

    assertThat(answer.status()).isEqualTo(414);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("type").asString()).endsWith("/uri-too-long");
    assertThat(answer.reachedUpstream()).isZero();
  }

  @Test
  void oversizedHeadersAre431AsAProblemAndReachNoService() {
    Answer answer =
        call(
            "GET",
            "/api/v1/listing/listings",
            TOKENS.valid("user-1"),
            Map.of("X-Padding", "a".repeat(64 * 1024)),
            null);

    assertThat(answer.status()).isEqualTo(431);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("type").asString()).endsWith("/headers-too-large");
    assertThat(answer.reachedUpstream()).isZero();
  }

  @Test
  void corsAllowsTheSpaDevServerAndNoOtherOrigin() {
    Map<String, String> preflight =
        Map.of(
            "Origin",
            "http://localhost:5173",
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "authorization,content-type");
    Answer allowed = call("OPTIONS", "/api/v1/user/login/", null, preflight, null);
    Answer refused =
        call(
            "OPTIONS",
            "/api/v1/user/login/",
            null,
            Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"),
            null);

    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.raw().headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:5173");
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void theSpaOrItsPlaceholderIsServedAtTheRootAndForClientRoutes() {
    Answer root = call("GET", "/", null, Map.of(), null);
    Answer deep = call("GET", "/listings/42", null, Map.of(), null);

    assertThat(root.status()).isEqualTo(200);
    assertThat(root.raw().body()).contains("DBay");
    assertThat(deep.status()).isEqualTo(200);
    assertThat(deep.raw().body()).contains("DBay");
  }

  @Test
  void eachServicesOpenApiDocumentIsServedUnderApiDocs() {
    Answer answer = call("GET", "/api/docs/user", null, Map.of(), null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("openapi").asString()).startsWith("3.");
  }
}
