package com.dbay.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The endpoint rules of production: https only, and only the browsers' own push services. */
class PushSubscriptionsTest {

  private final PushSubscriptions production =
      new PushSubscriptions(
          null,
          new PushProperties(
              true,
              "mailto:ops@dbay.example",
              false,
              List.of("fcm.googleapis.com", "push.services.mozilla.com", " push.apple.com "),
              Duration.ofSeconds(1),
              Duration.ofHours(24),
              5,
              Duration.ofSeconds(10)),
          Clock.systemUTC());

  /** The fields refused for this endpoint, with keys that are malformed on purpose. */
  private List<String> refusedFields(String endpoint) {
    DomainException refused =
        catchThrowableOfType(
            DomainException.class, () -> production.subscribe("u-bob", endpoint, "x", "y"));
    return refused.errors().stream().map(FieldProblem::field).toList();
  }

  @Test
  void an_address_inside_the_network_or_any_other_host_is_refused_as_an_endpoint() {
    for (String inside :
        List.of(
            "http://127.0.0.1:8003/api/v1/wallet/internal/holds",
            "https://10.0.3.7/anything",
            "https://internal-alb.dbay.example/api",
            "https://fcm.googleapis.com.attacker.example/send/1",
            "https://notfcm.googleapis.com/send/1",
            "http://fcm.googleapis.com/fcm/send/1")) {
      assertThat(refusedFields(inside)).as(inside).contains("endpoint");
    }
  }

  @Test
  void the_browsers_push_services_and_their_subdomains_pass_the_endpoint_check() {
    for (String service :
        List.of(
            "https://fcm.googleapis.com/fcm/send/abc",
            "https://updates.push.services.mozilla.com/wpush/v2/abc",
            "https://web.push.apple.com/QGx")) {
      assertThat(refusedFields(service)).as(service).doesNotContain("endpoint").isNotEmpty();
    }
  }
}
