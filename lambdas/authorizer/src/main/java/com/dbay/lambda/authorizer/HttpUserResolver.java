package com.dbay.lambda.authorizer;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls {@code POST /api/v1/user/internal/resolve/} inside the VPC, proving with the gateway proof
 * that the Cognito identity was validated here. Answers are kept for a short while in the warm
 * function, so most invocations do not call out at all.
 */
public final class HttpUserResolver implements UserResolver {

  static final String PATH = "/api/v1/user/internal/resolve/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private record Cached(Resolved resolved, long until) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String baseUrl;
  private final GatewayProof proof;
  private final long ttlMillis;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public HttpUserResolver(String baseUrl, GatewayProof proof, Duration ttl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.proof = proof;
    this.ttlMillis = ttl.toMillis();
  }

  @Override
  public Resolved resolve(String sub, String username, String email) {
    Cached hit = cache.get(sub);
    long now = System.currentTimeMillis();
    if (hit != null && hit.until() > now) {
      return hit.resolved();
    }
    Resolved fresh = fetch(sub, username, email);
    if (cache.size() > 10_000) {
      cache.clear();
    }
    cache.put(sub, new Cached(fresh, now + ttlMillis));
    return fresh;
  }

  private Resolved fetch(String sub, String username, String email) {
    long ts = proof.now();
    Identity caller = new Identity("", sub, username, email, Set.of());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + PATH))
            .timeout(Duration.ofSeconds(3))
            .POST(HttpRequest.BodyPublishers.noBody())
            .header(IdentityHeaders.COGNITO_SUB, sub)
            .header(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(ts))
            .header(IdentityHeaders.PROOF_SIGNATURE, proof.sign(caller, "POST", PATH, ts));
    if (!username.isEmpty()) {
      request.header(IdentityHeaders.COGNITO_USERNAME, username);
    }
    if (!email.isEmpty()) {
      request.header(IdentityHeaders.COGNITO_EMAIL, email);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "user-service answered " + response.statusCode() + " to resolve");
      }
      JsonNode body = JSON.readTree(response.body());
      List<String> roles = new ArrayList<>();
      body.path("roles").forEach(r -> roles.add(r.asString()));
      return new Resolved(body.path("userId").asString(), roles, body.path("status").asString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot reach user-service to resolve the user", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resolving the user", e);
    }
  }
}
