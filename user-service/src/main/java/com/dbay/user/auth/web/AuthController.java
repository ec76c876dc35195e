package com.dbay.user.auth.web;

import com.dbay.platform.problem.ProblemTypes;
import com.dbay.user.UserProperties;
import com.dbay.user.auth.AccessTokens;
import com.dbay.user.auth.LoginThrottle;
import com.dbay.user.auth.ThrottledLogin;
import com.dbay.user.auth.TokenPair;
import com.dbay.user.auth.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/user")
class AuthController {

  private final TokenService tokens;
  private final AccessTokens keys;
  private final ThrottledLogin logins;
  private final List<String> trustedProxies;

  AuthController(
      TokenService tokens, AccessTokens keys, ThrottledLogin logins, UserProperties properties) {
    this.tokens = tokens;
    this.keys = keys;
    this.logins = logins;
    this.trustedProxies = properties.loginThrottle().trustedProxies();
  }

  @PostMapping({"/login", "/login/"})
  ResponseEntity<TokenPair> login(
      @Valid @RequestBody Credentials credentials, HttpServletRequest request) {
    TokenPair pair = logins.login(credentials.username(), credentials.password(), source(request));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(pair);
  }

  @ExceptionHandler(LoginThrottle.Throttled.class)
  ResponseEntity<ProblemDetail> throttled(LoginThrottle.Throttled e) {
    long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many failed logins for this account or from this address. Try again in "
                + seconds
                + " s.");
    problem.setType(ProblemTypes.of("login-throttled"));
    problem.setTitle("Too Many Requests");
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .body(problem);
  }

  /**
   * The caller's address: the last {@code X-Forwarded-For} hop (the address the gateway saw) when
   * the request comes from a trusted proxy, else the remote address. A caller on the loopback could
   * forge that header; the account's own count still applies to it.
   */
  private String source(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank() && trustedProxies.contains(remote)) {
      String[] hops = forwarded.split(",");
      String last = hops[hops.length - 1].trim();
      if (!last.isEmpty() && last.length() <= 64) {
        return last;
      }
    }
    return remote;
  }

  @PostMapping({"/token/refresh", "/token/refresh/", "/refresh", "/refresh/"})
  ResponseEntity<TokenPair> refresh(@Valid @RequestBody RefreshRequest request) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(tokens.refresh(request.refreshToken()));
  }

  /**
   * Ends the login the refresh token belongs to: its family is revoked and SessionRevoked denies
   * that login's access tokens at the gateway. The refresh token is required: a logout without one
   * could end nothing, and answering it 204 told the client it had logged out when its access token
   * still worked.
   */
  @PostMapping({"/logout", "/logout/"})
  ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
    tokens.logout(request.refreshToken());
    return ResponseEntity.noContent().build();
  }

  @GetMapping({"/.well-known/jwks.json"})
  ResponseEntity<Map<String, Object>> jwks() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
        .body(keys.publicJwks().toJSONObject());
  }
}
