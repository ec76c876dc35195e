package com.dbay.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Suspension and logout through the whole path: the real user-service (its outbox, the event bus on
 * the test Redis, its deny-list writer) and the gateway reading that deny-list. Every other service
 * is the stub, which says whether the request reached it with a proven identity.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RevocationIT {

  static final String SECRET = "revocation-it-secret-0123456789abcdefghijklmn";
  static final String ADMIN = "root" + UUID.randomUUID().toString().substring(0, 8);
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final UserServiceProcess USER_SERVICE = start();
  static final StubServices STUB = StubServices.trusting(SECRET, new Tokens());

  /** What the test asks of the deny-list: that a revoked token stops working within this time. */
  static final Duration AT_ONCE = Duration.ofSeconds(1);

  @LocalServerPort int port;

  static UserServiceProcess start() {
    try {
      return UserServiceProcess.start(SECRET, Map.of("DBAY_BOOTSTRAP_ADMINS", ADMIN));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start user-service", e);
    }
  }

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    for (String service :
        new String[] {
          "listing", "auction", "wallet", "order", "notification", "search", "messaging"
        }) {
      registry.add("dbay.gateway.services." + service, STUB::url);
    }
    registry.add("dbay.gateway.services.user", USER_SERVICE::url);
    registry.add("dbay.gateway.secret", () -> SECRET);
    registry.add(
        "dbay.gateway.jwt.jwks-uri",
        () -> USER_SERVICE.url() + "/api/v1/user/.well-known/jwks.json");
    registry.add("dbay.gateway.rate-limits.standard.per-minute", () -> "60000");
    registry.add("dbay.gateway.rate-limits.standard.burst", () -> "10000");
    registry.add("dbay.gateway.rate-limits.login.per-minute", () -> "60000");
    registry.add("dbay.gateway.rate-limits.login.burst", () -> "10000");
  }

  @AfterAll
  static void stop() {
    USER_SERVICE.close();
    STUB.close();
  }

  record Login(String userId, String accessToken, String refreshToken) {}

  HttpResponse<String> send(String method, String path, String token, String body) {
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
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode json(HttpResponse<String> response) {
    return StubServices.JSON.readTree(response.body());
  }

  String register(String username) {
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/user/register",
            null,
            StubServices.JSON.writeValueAsString(
                Map.of(
                    "email",
                    username + "@it.dbay",
                    "username",
                    username,
                    "password",
                    "a-long-password-1")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("id").asString();
  }

  Login login(String username) {
    HttpResponse<String> response =
        send(
            "POST",
            "/api/v1/user/login/",
            null,
            StubServices.JSON.writeValueAsString(
                Map.of("username", username, "password", "a-long-password-1")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response);
    HttpResponse<String> me =
        send("GET", "/api/v1/user/users/me/", body.get("accessToken").asString(), null);
    return new Login(
        json(me).get("id").asString(),
        body.get("accessToken").asString(),
        body.get("refreshToken").asString());
  }

  /** 200 from the stub with a proven identity, or the gateway's status. */
  int reach(Login login) {
    HttpResponse<String> response =
        send("GET", "/api/v1/wallet/balance", login.accessToken(), null);
    if (response.statusCode() == 200) {
      assertThat(json(response).get("verified").asBoolean()).isTrue();
    }
    return response.statusCode();
  }

  /** How long until {@code login}'s token is refused, polling every 20 ms for up to 10 s. */
  Duration untilRefused(Login login) throws InterruptedException {
    long start = System.nanoTime();
    while (System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
      if (reach(login) == 401) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      Thread.sleep(20);
    }
    return Duration.ofSeconds(10);
  }

  String user() {
    String name = "rv" + UUID.randomUUID().toString().substring(0, 8);
    register(name);
    return name;
  }

  @Test
  void loggingOutRefusesThatLoginsAccessTokenWithinASecondAndNoOtherLogin() throws Exception {
    String name = user();
    Login laptop = login(name);
    Login phone = login(name);
    assertThat(reach(laptop)).isEqualTo(200);

    HttpResponse<String> logout =
        send(
            "POST",
            "/api/v1/user/logout",
            laptop.accessToken(),
            StubServices.JSON.writeValueAsString(Map.of("refreshToken", laptop.refreshToken())));
    assertThat(logout.statusCode()).isEqualTo(204);

    assertThat(untilRefused(laptop)).isLessThanOrEqualTo(AT_ONCE);
    assertThat(reach(phone)).as("the other login").isEqualTo(200);
  }

  @Test
  void suspendingRefusesEveryAccessTokenOfTheUserWithinASecondAndReinstatingLetsThemLogInAgain()
      throws Exception {
    register(ADMIN);
    Login admin = login(ADMIN);
    String name = user();
    Login laptop = login(name);
    Login phone = login(name);
    Login bystander = login(user());
    assertThat(reach(laptop)).isEqualTo(200);

    HttpResponse<String> suspended =
        send(
            "POST",
            "/api/v1/user/admin/users/" + laptop.userId() + "/suspend",
            admin.accessToken(),
            "{\"reason\":\"fraud\"}");
    assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);

    assertThat(untilRefused(laptop)).isLessThanOrEqualTo(AT_ONCE);
    assertThat(reach(phone)).as("every login of the user").isEqualTo(401);
    assertThat(reach(bystander)).as("another user").isEqualTo(200);
    assertThat(
            send(
                    "POST",
                    "/api/v1/user/login/",
                    null,
                    StubServices.JSON.writeValueAsString(
                        Map.of("username", name, "password", "a-long-password-1")))
                .statusCode())
        .isEqualTo(403);

    HttpResponse<String> reinstated =
        send(
            "POST",
            "/api/v1/user/admin/users/" + laptop.userId() + "/reinstate",
            admin.accessToken(),
            null);
    assertThat(reinstated.statusCode()).as(reinstated.body()).isEqualTo(200);
    // A token issued in the same second as the suspension would be refused: the deny entry is
    // "issued at or before", to the second.
    Thread.sleep(1100);
    Login again = login(name);
    assertThat(reach(again)).isEqualTo(200);
    assertThat(reach(laptop))
        .as("the tokens from before the suspension stay refused")
        .isEqualTo(401);
  }
}
