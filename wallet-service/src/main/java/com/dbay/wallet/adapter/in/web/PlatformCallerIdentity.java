package com.dbay.wallet.adapter.in.web;

import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.GatewayIdentityFilter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller as the platform's {@link GatewayIdentityFilter} proved it: one check of the gateway
 * proof, with the one secret every service shares, so the wallet cannot drift from the gateway.
 */
public class PlatformCallerIdentity implements CallerIdentity {

  @Override
  public Identity require(HttpServletRequest request) {
    return GatewayIdentityFilter.current(request).orElseThrow(Unauthenticated::new);
  }
}
