package com.dbay.platform.starter.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.identity.Identity;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class IdempotencyScopeResolverTest {

  private final IdempotencyScopeResolver resolver = IdempotencyScopeResolver.standard();

  @Test
  void prefersTheVerifiedIdentityOverAnyHeader() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/bids");
    request.setAttribute(
        Identity.class.getName(), new Identity("u-1", null, "alice", null, Set.of("USER")));
    request.addHeader("X-User-ID", "u-2");

    assertThat(resolver.scope(request)).isEqualTo("user:u-1");
  }

  @Test
  void fallsBackToTheUserHeaderAndThenToAnonymous() {
    MockHttpServletRequest withHeader = new MockHttpServletRequest("POST", "/bids");
    withHeader.addHeader("X-User-ID", "u-2");

    assertThat(resolver.scope(withHeader)).isEqualTo("user:u-2");
    assertThat(resolver.scope(new MockHttpServletRequest("POST", "/bids"))).isEqualTo("anonymous");
  }

  @Test
  void theFingerprintChangesWithMethodPathQueryUserAndBody() {
    String base = fingerprint("POST", "/bids", null, "user:a", "{}");

    assertThat(fingerprint("POST", "/bids", null, "user:a", "{}")).isEqualTo(base);
    assertThat(fingerprint("PUT", "/bids", null, "user:a", "{}")).isNotEqualTo(base);
    assertThat(fingerprint("POST", "/bids/2", null, "user:a", "{}")).isNotEqualTo(base);
    assertThat(fingerprint("POST", "/bids", "x=1", "user:a", "{}")).isNotEqualTo(base);
    assertThat(fingerprint("POST", "/bids", null, "user:b", "{}")).isNotEqualTo(base);
    assertThat(fingerprint("POST", "/bids", null, "user:a", "{ }")).isNotEqualTo(base);
  }

  private static String fingerprint(
      String method, String path, String query, String scope, String body) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setQueryString(query);
    return IdempotencyInterceptor.fingerprint(
        request, scope, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
