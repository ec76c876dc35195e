package com.dbay.platform.servicecall;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceCallVerifierTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
  private final byte[] watcherKey = randomKey();
  private final byte[] auctionKey = randomKey();
  private final CallerKeys trusted =
      CallerKeys.of(
          Map.of(
              "deposit-watcher", Base64.getEncoder().encodeToString(watcherKey),
              "auction-service", Base64.getEncoder().encodeToString(auctionKey)));
  private final ServiceCallVerifier verifier =
      new ServiceCallVerifier(trusted, NOW, Duration.ofSeconds(30));
  private final ServiceCallSigner watcher =
      new ServiceCallSigner("deposit-watcher", watcherKey, NOW);
  private final byte[] body =
      "{\"txid\":\"ab\",\"amount\":\"10\"}".getBytes(StandardCharsets.UTF_8);
  private final URI uri = URI.create("http://127.0.0.1:8003/api/v1/wallet/internal/deposits?x=1");

  @Test
  void aCallSignedWithTheCallersOwnKeyIsVerifiedAsThatCaller() {
    Map<String, String> headers = watcher.headers("POST", uri, body);
    ServiceCallVerifier.Result result =
        verifier.verify("POST", uri.getRawPath(), uri.getRawQuery(), body, headers::get);
    assertThat(result.verified()).isTrue();
    assertThat(result.caller()).isEqualTo("deposit-watcher");
  }

  @Test
  void aCallerNamingAnotherPartWithItsOwnKeyIsRefused() {
    Map<String, String> headers =
        new HashMap<>(
            new ServiceCallSigner("deposit-watcher", auctionKey, NOW).headers("POST", uri, body));
    assertThat(
            verifier
                .verify("POST", uri.getRawPath(), uri.getRawQuery(), body, headers::get)
                .failure())
        .isEqualTo("bad signature");
  }

  @Test
  void changingTheBodyThePathTheQueryOrTheMethodBreaksTheSignature() {
    Map<String, String> headers = watcher.headers("POST", uri, body);
    byte[] other = "{\"txid\":\"ab\",\"amount\":\"1000\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(
            verifier
                .verify("POST", uri.getRawPath(), uri.getRawQuery(), other, headers::get)
                .verified())
        .isFalse();
    assertThat(
            verifier
                .verify(
                    "POST",
                    "/api/v1/wallet/internal/escrows",
                    uri.getRawQuery(),
                    body,
                    headers::get)
                .verified())
        .isFalse();
    assertThat(verifier.verify("POST", uri.getRawPath(), "x=2", body, headers::get).verified())
        .isFalse();
    assertThat(
            verifier
                .verify("PUT", uri.getRawPath(), uri.getRawQuery(), body, headers::get)
                .verified())
        .isFalse();
  }

  @Test
  void theSameSignedCallIsAcceptedOnlyOnce() {
    Map<String, String> headers = watcher.headers("POST", uri, body);
    assertThat(
            verifier
                .verify("POST", uri.getRawPath(), uri.getRawQuery(), body, headers::get)
                .verified())
        .isTrue();
    assertThat(
            verifier
                .verify("POST", uri.getRawPath(), uri.getRawQuery(), body, headers::get)
                .failure())
        .isEqualTo("replayed nonce");
  }

  @Test
  void aCallSignedOutsideTheWindowIsRefused() {
    ServiceCallSigner early =
        new ServiceCallSigner(
            "deposit-watcher", watcherKey, Clock.offset(NOW, Duration.ofSeconds(-31)));
    Map<String, String> headers = early.headers("POST", uri, body);
    assertThat(
            verifier
                .verify("POST", uri.getRawPath(), uri.getRawQuery(), body, headers::get)
                .verified())
        .isFalse();
  }

  @Test
  void anUnknownCallerAndMissingHeadersAreRefused() {
    Map<String, String> headers =
        new ServiceCallSigner("order-service", randomKey(), NOW).headers("POST", uri, body);
    assertThat(
            verifier
                .verify("POST", uri.getRawPath(), uri.getRawQuery(), body, headers::get)
                .failure())
        .isEqualTo("unknown caller");
    assertThat(
            verifier
                .verify("POST", uri.getRawPath(), uri.getRawQuery(), body, name -> null)
                .verified())
        .isFalse();
  }

  @Test
  void keysShorterThan32BytesAreRefusedWhenLoaded() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CallerKeys.of(Map.of("x", Base64.getEncoder().encodeToString(new byte[16]))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theEndpointTableNamesCallersForEveryRow() {
    assertThat(InternalEndpoints.all())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.callers()).isNotEmpty());
    assertThat(InternalEndpoints.of("wallet-service"))
        .anySatisfy(
            e -> {
              assertThat(e.path()).isEqualTo("/api/v1/wallet/internal/deposits");
              assertThat(e.callers()).containsExactly("deposit-watcher");
            });
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
