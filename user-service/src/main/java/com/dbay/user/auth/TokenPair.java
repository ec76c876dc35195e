package com.dbay.user.auth;

/** The fixed login answer (DESIGN.md §3). */
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {

  public static TokenPair bearer(String access, String refresh, long expiresIn) {
    return new TokenPair(access, refresh, "Bearer", expiresIn);
  }
}
