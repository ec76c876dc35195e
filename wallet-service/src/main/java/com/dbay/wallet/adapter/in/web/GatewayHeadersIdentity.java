package com.dbay.wallet.adapter.in.web;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Trusts the identity headers only with a valid gateway proof, so a request sent straight to the
 * service port cannot act as anyone. {@code trustPlainHeaders} exists for local tools only.
 */
public class GatewayHeadersIdentity implements CallerIdentity {

  private final GatewayProof proof;
  private final boolean trustPlainHeaders;

  public GatewayHeadersIdentity(GatewayProof proof, boolean trustPlainHeaders) {
    this.proof = proof;
    this.trustPlainHeaders = trustPlainHeaders;
  }

  @Override
  public Identity require(HttpServletRequest request) {
    String userId = request.getHeader(IdentityHeaders.USER_ID);
    if (userId == null || userId.isBlank()) {
      throw new Unauthenticated();
    }
    String roles = request.getHeader(IdentityHeaders.ROLES);
    Set<String> roleSet = roles == null ? Set.of()
        : Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
    Identity claimed = new Identity(userId, request.getHeader(IdentityHeaders.COGNITO_SUB), request.getHeader(IdentityHeaders.COGNITO_USERNAME),
        request.getHeader(IdentityHeaders.COGNITO_EMAIL), roleSet);
    if (trustPlainHeaders) {
      return claimed;
    }
    return proof.verify(claimed, request.getMethod(), request.getRequestURI(), request.getHeader(IdentityHeaders.PROOF_TIMESTAMP),
        request.getHeader(IdentityHeaders.PROOF_SIGNATURE)).orElseThrow(Unauthenticated::new);
  }
}
