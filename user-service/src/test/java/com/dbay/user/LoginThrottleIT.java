package com.dbay.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Login straight to the service port, as an attacker who skips the gateway would. Each test speaks
 * from its own address (X-Forwarded-For, believed from the loopback like the gateway's), so that
 * the counts of one test never throttle another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class LoginThrottleIT {

  static final String PASSWORD = "correct-horse-battery-9";

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  static String address() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
  }

  Api.Response login(String from, String username, String password) {
    return api.send(
        "POST",
        "/api/v1/user/login/",
        Map.of("username", username, "password", password),
        Map.of("X-Forwarded-For", from));
  }

  static void assertThrottled(Api.Response response, int retryAfterAtMost) {
    assertThat(response.status()).isEqualTo(429);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().get("type").asString())
        .isEqualTo("https://dbay.dev/problems/login-throttled");
    assertThat(response.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, retryAfterAtMost));
  }

  @Test
  void anAccountWaitsAfterRepeatedFailuresEvenWithTheRightPasswordAndThenLogsIn() throws Exception {
    String name = api.register(Api.unique("thr")).get("username").asString();
    String from = address();
    for (int i = 1; i <= 6; i++) {
      assertThat(login(from, name, "wrong-password-" + i).status())
          .as("failure %d", i)
          .isEqualTo(401);
    }

    Api.Response right = login(from, name, PASSWORD);
    assertThrottled(right, 1);
    assertThrottled(login(address(), name, PASSWORD), 1);

    Thread.sleep(1100);
    assertThat(login(from, name, PASSWORD).status()).isEqualTo(200);
    assertThat(login(from, name, "wrong-again").status())
        .as("a success clears the account's count")
        .isEqualTo(401);
  }

  @Test
  void eachFurtherFailureDoublesTheWait() throws Exception {
    String name = api.register(Api.unique("dbl")).get("username").asString();
    String from = address();
    for (int i = 1; i <= 6; i++) {
      login(from, name, "wrong-password-" + i);
    }
    assertThrottled(login(from, name, "wrong-password-7"), 1);
    Thread.sleep(1100);

    assertThat(login(from, name, "wrong-password-8").status()).isEqualTo(401);
    Api.Response next = login(from, name, PASSWORD);
    assertThrottled(next, 2);
    assertThat(next.headers().firstValue("Retry-After")).hasValue("2");
  }

  @Test
  void oneAddressGuessingAcrossManyAccountsWaitsWhileTheOwnersLogInFromElsewhere() {
    JsonNode victim = api.register(Api.unique("vic"));
    String attacker = address();
    for (int i = 1; i <= 11; i++) {
      assertThat(login(attacker, Api.unique("ghost"), "guess-" + i).status())
          .as("guess %d", i)
          .isEqualTo(401);
    }

    assertThrottled(login(attacker, victim.get("username").asString(), PASSWORD), 1);
    assertThat(login(address(), victim.get("username").asString(), PASSWORD).status())
        .isEqualTo(200);
  }

  @Test
  void wrongPasswordsWithinTheFreeFailuresAre401AndTheOwnerStillLogsIn() {
    String name = api.register(Api.unique("lim")).get("username").asString();
    String from = address();
    for (int i = 1; i <= 5; i++) {
      Api.Response r = login(from, name, "wrong-" + i);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.headers().firstValue("Retry-After")).isEmpty();
    }
    assertThat(login(from, name, PASSWORD).status())
        .as("within the free failures the owner logs in")
        .isEqualTo(200);
  }
}
