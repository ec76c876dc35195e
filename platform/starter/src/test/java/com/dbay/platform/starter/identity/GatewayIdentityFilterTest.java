package com.dbay.platform.starter.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class GatewayIdentityFilterTest {

  private static final String SECRET = IdentityAutoConfiguration.DEV_SECRET;
  private final GatewayProof proof = new GatewayProof(SECRET);
  private final GatewayIdentityFilter filter = new GatewayIdentityFilter(proof);
  private final Identity alice =
      new Identity("u-alice", "", "alice", "alice@demo.dbay", Set.of("USER"));

  @Test
  void aClientSentUserIdWithoutProofLeavesTheRequestAnonymous() throws Exception {
    MockHttpServletRequest request = request("GET", "/api/v1/user/users/me/");
    request.addHeader(IdentityHeaders.USER_ID, "u-alice");

    assertThat(filtered(request)).isNull();
  }

  @Test
  void aValidProofExposesTheIdentity() throws Exception {
    MockHttpServletRequest request = signed(alice, "GET", "/api/v1/user/users/me/", proof.now());

    assertThat(filtered(request)).isEqualTo(alice);
  }

  @Test
  void aProofForAnotherPathIsIgnored() throws Exception {
    MockHttpServletRequest request = signed(alice, "GET", "/api/v1/user/users/me/", proof.now());
    request.setRequestURI("/api/v1/user/admin/users");

    assertThat(filtered(request)).isNull();
  }

  @Test
  void aProofOverTheQueryExposesTheIdentity() throws Exception {
    MockHttpServletRequest request =
        signed(alice, "GET", "/api/v1/wallet/withdrawals?limit=10&cursor=abc", proof.now());

    assertThat(filtered(request)).isEqualTo(alice);
  }

  @Test
  void aCapturedProofWithAChangedQueryIsIgnored() throws Exception {
    MockHttpServletRequest request =
        signed(alice, "GET", "/api/v1/order/orders?role=buyer", proof.now());
    request.setQueryString("role=seller");

    assertThat(filtered(request)).isNull();
  }

  @Test
  void aCapturedProofWithAnAddedQueryIsIgnored() throws Exception {
    MockHttpServletRequest request = signed(alice, "GET", "/api/v1/order/orders", proof.now());
    request.setQueryString("role=seller");

    assertThat(filtered(request)).isNull();
  }

  @Test
  void aProofForAnotherUserIsIgnored() throws Exception {
    MockHttpServletRequest request = signed(alice, "GET", "/api/v1/user/users/me/", proof.now());
    request.removeHeader(IdentityHeaders.USER_ID);
    request.addHeader(IdentityHeaders.USER_ID, "u-bob");

    assertThat(filtered(request)).isNull();
  }

  @Test
  void aStaleProofIsIgnored() throws Exception {
    MockHttpServletRequest request =
        signed(alice, "GET", "/api/v1/user/users/me/", proof.now() - 600);

    assertThat(filtered(request)).isNull();
  }

  @Test
  void aProofSignedWithAnotherSecretIsIgnored() throws Exception {
    GatewayProof other = new GatewayProof("another-secret-that-is-long-enough-0123456789");
    MockHttpServletRequest request = request("GET", "/api/v1/user/users/me/");
    long now = other.now();
    headers(request, alice, now, other.sign(alice, "GET", "/api/v1/user/users/me/", now));

    assertThat(filtered(request)).isNull();
  }

  private Identity filtered(MockHttpServletRequest request) throws Exception {
    filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    return GatewayIdentityFilter.current(request).orElse(null);
  }

  private MockHttpServletRequest signed(Identity identity, String method, String path, long ts) {
    MockHttpServletRequest request = request(method, path);
    headers(request, identity, ts, proof.sign(identity, method, path, ts));
    return request;
  }

  private static void headers(
      MockHttpServletRequest request, Identity identity, long ts, String signature) {
    request.addHeader(IdentityHeaders.USER_ID, identity.userId());
    request.addHeader(IdentityHeaders.COGNITO_SUB, identity.cognitoSub());
    request.addHeader(IdentityHeaders.COGNITO_USERNAME, identity.username());
    request.addHeader(IdentityHeaders.COGNITO_EMAIL, identity.email());
    request.addHeader(IdentityHeaders.ROLES, String.join(",", identity.roles()));
    request.addHeader(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(ts));
    request.addHeader(IdentityHeaders.PROOF_SIGNATURE, signature);
  }

  private static MockHttpServletRequest request(String method, String target) {
    int question = target.indexOf('?');
    MockHttpServletRequest request =
        new MockHttpServletRequest(method, question < 0 ? target : target.substring(0, question));
    if (question >= 0) {
      request.setQueryString(target.substring(question + 1));
    }
    return request;
  }
}
