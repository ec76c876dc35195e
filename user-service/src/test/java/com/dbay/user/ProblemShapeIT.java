package com.dbay.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The problem documents of user-service have the one shape every DBay service uses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ProblemShapeIT {

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void aBodyThatIsNotJsonIsAMalformedRequest() {
    Api.Response r = api.sendText("POST", "/api/v1/user/register", "{\"email\": ", Map.of());

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.body().get("type").asString())
        .isEqualTo("https://dbay.dev/problems/malformed-request");
  }

  @Test
  void aFieldOfTheWrongJsonTypeIsNamedWithoutJavaTypeNames() {
    Api.Response r =
        api.sendText(
            "POST",
            "/api/v1/user/login/",
            "{\"username\": {\"a\": 1}, \"password\": \"x\"}",
            Map.of());

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("type").asString()).isEqualTo("https://dbay.dev/problems/validation");
    assertThat(Api.errorFields(r.body())).containsExactly("username");
    assertThat(r.body().get("errors").get(0).get("message").asString())
        .isEqualTo("must be a string");
    assertThat(r.body().toString())
        .doesNotContain("JsonToken")
        .doesNotContain("java.")
        .doesNotContain("`")
        .doesNotContain("START_OBJECT");
  }

  @Test
  void validationErrorsAreAListOfFieldAndMessage() {
    Api.Response r =
        api.anonymous(
            "POST",
            "/api/v1/user/register",
            Map.of(
                "email", "not-an-email", "username", "x", "password", "correct-horse-battery-9"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("type").asString()).isEqualTo("https://dbay.dev/problems/validation");
    assertThat(r.body().get("errors").isArray()).isTrue();
    assertThat(Api.errorFields(r.body())).contains("email", "username");
  }

  @Test
  void aBusinessRefusalWithFieldsListsThemTheSameWay() {
    String name = Api.unique("shape");
    api.register(name);

    Api.Response r =
        api.anonymous(
            "POST",
            "/api/v1/user/register",
            Map.of(
                "email",
                name + "@it.dbay",
                "username",
                name,
                "password",
                "correct-horse-battery-9"));

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body().get("type").asString())
        .isEqualTo("https://dbay.dev/problems/duplicate-account");
    assertThat(Api.errorFields(r.body())).containsExactly("email", "username");
  }

  @Test
  void wrongCredentialsAre401WithABearerChallenge() {
    Api.Response r =
        api.anonymous(
            "POST",
            "/api/v1/user/login/",
            Map.of("username", Api.unique("nobody"), "password", "wrong-password-1"));

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body().get("type").asString())
        .isEqualTo("https://dbay.dev/problems/invalid-credentials");
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }
}
