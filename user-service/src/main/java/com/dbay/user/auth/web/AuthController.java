package com.dbay.user.auth.web;

import com.dbay.user.auth.AccessTokens;
import com.dbay.user.auth.TokenPair;
import com.dbay.user.auth.TokenService;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
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

  AuthController(TokenService tokens, AccessTokens keys) {
    this.tokens = tokens;
    this.keys = keys;
  }

  @PostMapping({"/login", "/login/"})
  ResponseEntity<TokenPair> login(@Valid @RequestBody Credentials credentials) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens.login(credentials.username(), credentials.password()));
  }

  @PostMapping({"/token/refresh", "/token/refresh/", "/refresh", "/refresh/"})
  ResponseEntity<TokenPair> refresh(@Valid @RequestBody RefreshRequest request) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens.refresh(request.refreshToken()));
  }

  /** Revokes the refresh token's family; the short-lived access token simply runs out. */
  @PostMapping({"/logout", "/logout/"})
  ResponseEntity<Void> logout(@RequestBody(required = false) RefreshRequest request) {
    tokens.logout(request == null ? null : request.refreshToken());
    return ResponseEntity.noContent().build();
  }

  @GetMapping({"/.well-known/jwks.json"})
  ResponseEntity<Map<String, Object>> jwks() {
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5))).body(keys.publicJwks().toJSONObject());
  }
}
