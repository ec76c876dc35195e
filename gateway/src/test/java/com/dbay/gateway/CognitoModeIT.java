package com.dbay.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With a Cognito issuer, the sub is resolved to the app user through user-service's internal
 * endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CognitoModeIT {

  static final String SECRET = "cognito-mode-it-secret-0123456789abcdefghij";
  static final Tokens TOKENS = new Tokens();
  static final StubServices STUB = StubServices.trusting(SECRET, TOKENS);

  @LocalServerPort int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    GatewayTestConfig.common(registry, STUB, SECRET);
    registry.add("dbay.gateway.jwt.mode", () -> "cognito");
    registry.add("dbay.gateway.jwt.token-uses", () -> "id");
  }

  @AfterAll
  static void stop() {
    STUB.close();
  }

  JsonNode me(String token) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/user/users/me/"))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return StubServices.JSON.readTree(r.body());
  }

  @Test
  void anIdTokenIsResolvedToTheAppUserAndCarriesTheCognitoHeaders() throws Exception {
    String sub = UUID.randomUUID().toString();
    String token =
        TOKENS.with(
            sub,
            c ->
                c.claim("token_use", "id").claim("cognito:username", "carol").claim("roles", null));

    JsonNode seen = me(token);

    assertThat(seen.get("verified").asBoolean()).isTrue();
    assertThat(seen.get("userId").asString()).isEqualTo("app-" + sub);
    assertThat(seen.get("cognitoSub").asString()).isEqualTo(sub);
    assertThat(seen.get("username").asString()).isEqualTo("carol");
    assertThat(seen.get("roles").toString()).isEqualTo("[\"USER\"]");
  }

  @Test
  void anAccessTokenIsRefusedWhereOnlyIdTokensAreAccepted() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/user/users/me/"))
                    .header("Authorization", "Bearer " + TOKENS.valid("x"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(401);
  }
}
