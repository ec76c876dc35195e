package com.dbay.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class CognitoResolveIT {

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  private static Identity cognito(String sub, String username) {
    return new Identity("", sub, username, username + "@cognito.it.dbay", Set.of());
  }

  @Test
  void theFirstSightOfAProvenCognitoSubCreatesTheAppUserAndLaterOnesFindIt() {
    String sub = UUID.randomUUID().toString();
    String name = Api.unique("cog");

    Api.Response first = api.as(cognito(sub, name), "POST", "/api/v1/user/internal/resolve/", null);
    Api.Response again = api.as(cognito(sub, name), "GET", "/api/v1/user/internal/resolve/", null);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().get("cognitoSub").asString()).isEqualTo(sub);
    assertThat(first.body().get("username").asString()).isEqualTo(name);
    assertThat(first.body().get("roles").toString()).isEqualTo("[\"USER\"]");
    assertThat(again.body().get("userId").asString())
        .isEqualTo(first.body().get("userId").asString());
  }

  @Test
  void resolveWithoutAGatewayProofIs401() {
    Api.Response r =
        api.send(
            "POST",
            "/api/v1/user/internal/resolve/",
            null,
            Map.of(
                IdentityHeaders.COGNITO_SUB,
                UUID.randomUUID().toString(),
                IdentityHeaders.COGNITO_EMAIL,
                "x@y.z"));

    assertThat(r.status()).isEqualTo(401);
  }

  @Test
  void meAcceptsAProvenCognitoSubAloneAndAProvenUserIdAlike() {
    String sub = UUID.randomUUID().toString();
    String name = Api.unique("cogme");

    Api.Response bySub = api.as(cognito(sub, name), "GET", "/api/v1/user/users/me/", null);
    String userId = bySub.body().get("id").asString();
    Api.Response byId =
        api.as(
            new Identity(userId, sub, name, "", Set.of("USER")),
            "GET",
            "/api/v1/user/users/me/",
            null);

    assertThat(bySub.status()).isEqualTo(200);
    assertThat(byId.status()).isEqualTo(200);
    assertThat(byId.body().get("id").asString()).isEqualTo(userId);
    assertThat(bySub.body().get("email").asString()).isEqualTo(name + "@cognito.it.dbay");
  }

  @Test
  void aCognitoIdentityWhoseEmailBelongsToALocalAccountIsNotLinkedSilently() {
    String local = Api.unique("local");
    api.register(local);

    Api.Response r =
        api.as(
            new Identity(
                "", UUID.randomUUID().toString(), "takeover", local + "@it.dbay", Set.of()),
            "POST",
            "/api/v1/user/internal/resolve/",
            null);

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }
}
