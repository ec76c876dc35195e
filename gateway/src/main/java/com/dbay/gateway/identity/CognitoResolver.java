package com.dbay.gateway.identity;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Maps a validated Cognito identity to the app user by calling user-service's internal resolve
 * endpoint (signed with the gateway proof), and caches the answer for a few minutes so that the hot
 * path is a memory lookup. A suspension therefore takes effect within the cache TTL.
 */
public class CognitoResolver {

  static final String PATH = "/api/v1/user/internal/resolve/";

  /** What user-service answers. */
  public record Resolved(
      String userId,
      String cognitoSub,
      String username,
      String email,
      List<String> roles,
      String status) {}

  private final WebClient client;
  private final GatewayProof proof;
  private final AsyncCache<String, Resolved> cache;

  public CognitoResolver(
      WebClient.Builder builder, String userServiceUrl, GatewayProof proof, Duration ttl) {
    this.client = builder.baseUrl(userServiceUrl).build();
    this.proof = proof;
    this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).buildAsync();
  }

  public Mono<Resolved> resolve(String sub, String username, String email) {
    return Mono.fromFuture(
        cache.get(sub, (key, executor) -> fetch(sub, username, email).toFuture()));
  }

  private Mono<Resolved> fetch(String sub, String username, String email) {
    Identity caller = new Identity("", sub, username, email, Set.of());
    long now = proof.now();
    return client
        .post()
        .uri(PATH)
        .header(IdentityHeaders.COGNITO_SUB, sub)
        .header(IdentityHeaders.COGNITO_USERNAME, username)
        .header(IdentityHeaders.COGNITO_EMAIL, email)
        .header(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(now))
        .header(IdentityHeaders.PROOF_SIGNATURE, proof.sign(caller, "POST", PATH, now))
        .retrieve()
        .onStatus(
            s -> s.value() == 409,
            r ->
                Mono.error(
                    new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        "This Cognito identity's email belongs to another account")))
        .bodyToMono(Resolved.class);
  }
}
