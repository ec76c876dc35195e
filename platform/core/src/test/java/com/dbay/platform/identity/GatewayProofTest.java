package com.dbay.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayProofTest {

  private final GatewayProof proof = new GatewayProof("gateway-proof-test-secret-0123456789abcdef");
  private final Identity alice =
      new Identity("u-alice", "", "alice", "alice@demo.dbay", Set.of("USER"));

  private boolean verifies(String signedTarget, String receivedTarget) {
    long now = proof.now();
    String signature = proof.sign(alice, "GET", signedTarget, now);
    return proof.verify(alice, "GET", receivedTarget, Long.toString(now), signature).isPresent();
  }

  @Test
  void aProofVerifiesForTheSameQuery() {
    assertThat(
            verifies(
                "/api/v1/order/orders?role=buyer&limit=5",
                "/api/v1/order/orders?role=buyer&limit=5"))
        .isTrue();
  }

  @Test
  void aChangedQueryValueDoesNotVerify() {
    assertThat(verifies("/api/v1/order/orders?role=buyer", "/api/v1/order/orders?role=seller"))
        .isFalse();
  }

  @Test
  void anAddedOrRemovedParameterDoesNotVerify() {
    assertThat(verifies("/api/v1/order/orders", "/api/v1/order/orders?role=seller")).isFalse();
    assertThat(verifies("/api/v1/order/orders?role=buyer", "/api/v1/order/orders")).isFalse();
    assertThat(
            verifies(
                "/api/v1/order/orders?role=buyer", "/api/v1/order/orders?role=buyer&role=seller"))
        .isFalse();
  }

  @Test
  void aParameterCannotBeShiftedIntoThePathOrAnotherName() {
    assertThat(verifies("/api/v1/x?a=1&b=2", "/api/v1/x?a=1%26b%3D2")).isFalse();
    assertThat(verifies("/api/v1/x?a=1", "/api/v1/x%3Fa=1")).isFalse();
    assertThat(verifies("/api/v1/x?ab=", "/api/v1/x?a=b")).isFalse();
  }

  @Test
  void equivalentEncodingsOfTheSameQueryVerify() {
    assertThat(verifies("/s?q=red+shoe&c=%41", "/s?c=A&q=red%20shoe")).isTrue();
    assertThat(verifies("/s?flag", "/s?flag=")).isTrue();
    assertThat(verifies("/s", "/s?")).isTrue();
  }

  @Test
  void theAuthorizersDecodedParametersSignWhatTheServiceReceivesRaw() {
    Map<String, List<String>> decoded = new LinkedHashMap<>();
    decoded.put("q", List.of("red shoe & socks"));
    decoded.put("cat", List.of("été"));
    long now = proof.now();
    String signature =
        proof.sign(alice, "GET", GatewayProof.target("/api/v1/search/listings", decoded), now);

    assertThat(
            proof.verify(
                alice,
                "GET",
                "/api/v1/search/listings?cat=%C3%A9t%C3%A9&q=red+shoe+%26+socks",
                Long.toString(now),
                signature))
        .contains(alice);
    assertThat(
            proof.verify(
                alice,
                "GET",
                "/api/v1/search/listings?cat=%C3%A9t%C3%A9&q=red+shoe",
                Long.toString(now),
                signature))
        .isEmpty();
  }

  @Test
  void aMalformedEscapeIsSignedAsItIsOnBothSides() {
    assertThat(verifies("/s?q=%zz", "/s?q=%zz")).isTrue();
    assertThat(verifies("/s?q=%zz", "/s?q=%zy")).isFalse();
  }
}
