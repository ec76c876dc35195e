package com.dbay.platform.starter.idempotency;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whose keys these are: keys are scoped per user, so two users choosing the same key never see each
 * other's responses. Declare a bean of this type to replace the default.
 */
@FunctionalInterface
public interface IdempotencyScopeResolver {

  String scope(HttpServletRequest request);

  /**
   * The verified {@link Identity} if the identity filter stored one as a request attribute (under
   * its class name), else the principal, else the {@code X-User-ID} header (services only see it
   * after the identity filter has checked the gateway's proof), else {@code anonymous}.
   */
  static IdempotencyScopeResolver standard() {
    return request -> {
      Object identity = request.getAttribute(Identity.class.getName());
      if (identity instanceof Identity id) {
        return "user:" + id.userId();
      }
      if (request.getUserPrincipal() != null) {
        return "user:" + request.getUserPrincipal().getName();
      }
      String header = request.getHeader(IdentityHeaders.USER_ID);
      return header == null || header.isBlank() ? "anonymous" : "user:" + header;
    };
  }
}
