package com.dbay.user;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.dbay.platform.starter.identity.IdentityAutoConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks HTTP to the running service the way the gateway would: {@link #as} signs the identity
 * headers with the gateway proof, {@link #anonymous} sends none.
 */
final class Api {

  static final JsonMapper JSON = JsonMapper.builder().build();
  // The secret the service under test uses: ./dbay test exports a random one per run.
  static final GatewayProof PROOF =
      new GatewayProof(
          System.getenv()
              .getOrDefault("DBAY_GATEWAY_SECRET", IdentityAutoConfiguration.DEV_SECRET));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  record Response(
      int status, String contentType, JsonNode body, java.net.http.HttpHeaders headers) {}

  private final int port;

  Api(int port) {
    this.port = port;
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  Response anonymous(String method, String path, Object body) {
    return send(method, path, body, Map.of());
  }

  Response as(Identity identity, String method, String path, Object body) {
    return send(method, path, body, signed(identity, method, path));
  }

  Response send(String method, String path, Object body, Map<String, String> headers) {
    return sendText(method, path, body == null ? null : JSON.writeValueAsString(body), headers);
  }

  /** Sends {@code json} exactly as given (it may be malformed on purpose). */
  Response sendText(String method, String path, String text, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(
                method,
                text == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text));
    Object body = text;
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          json,
          response.headers());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> signed(Identity identity, String method, String path) {
    long now = PROOF.now();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(IdentityHeaders.USER_ID, identity.userId());
    headers.put(IdentityHeaders.COGNITO_SUB, identity.cognitoSub());
    headers.put(IdentityHeaders.COGNITO_USERNAME, identity.username());
    headers.put(IdentityHeaders.COGNITO_EMAIL, identity.email());
    headers.put(IdentityHeaders.ROLES, String.join(",", identity.roles()));
    headers.put(IdentityHeaders.PROOF_TIMESTAMP, Long.toString(now));
    headers.put(IdentityHeaders.PROOF_SIGNATURE, PROOF.sign(identity, method, path, now));
    // HttpClient refuses empty header values; the filter reads a missing header as empty too.
    headers.values().removeIf(String::isEmpty);
    return headers;
  }

  /** Registers a fresh member; returns the created account JSON. */
  JsonNode register(String username) {
    Response r =
        anonymous(
            "POST",
            "/api/v1/user/register",
            Map.of(
                "email",
                username + "@it.dbay",
                "username",
                username,
                "password",
                "correct-horse-battery-9"));
    if (r.status() != 201) {
      throw new IllegalStateException("registration failed: " + r);
    }
    return r.body();
  }

  /**
   * The fields a problem's {@code errors} list names. Fails unless {@code errors} has the one shape
   * every service uses: a list of {@code {field, message}} with both present.
   */
  static java.util.List<String> errorFields(JsonNode problem) {
    JsonNode errors = problem.get("errors");
    if (errors == null || !errors.isArray()) {
      throw new AssertionError("errors is not a list of {field, message}: " + problem);
    }
    java.util.List<String> fields = new java.util.ArrayList<>();
    for (JsonNode error : errors) {
      if (!error.path("field").isString()
          || !error.path("message").isString()
          || error.size() != 2) {
        throw new AssertionError("an entry of errors is not {field, message}: " + error);
      }
      fields.add(error.get("field").asString());
    }
    return fields;
  }

  static Identity identityOf(JsonNode account) {
    Set<String> roles = new java.util.TreeSet<>();
    account.get("roles").forEach(n -> roles.add(n.asString()));
    return new Identity(
        account.get("id").asString(),
        "",
        account.get("username").asString(),
        account.get("email").asString(),
        roles);
  }
}
