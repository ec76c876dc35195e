package com.dbay.order.wallet;

import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.starter.servicecall.ServiceCallSigningInterceptor;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way order-service talks to the wallet (and to listing-service): signed as order-service,
 * short timeouts, the other part's 4xx problems mapped to the same kind of problem here, anything
 * else a 503 with nothing changed here.
 */
public final class WalletCalls {

  private static final Logger log = LoggerFactory.getLogger(WalletCalls.class);

  private WalletCalls() {}

  public static RestClient client(String baseUrl, ServiceCallSigningInterceptor signing) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build());
    requests.setReadTimeout(Duration.ofSeconds(10));
    return RestClient.builder()
        .baseUrl(baseUrl)
        .requestFactory(requests)
        .requestInterceptor(signing)
        .build();
  }

  /**
   * POSTs {@code body} (null: none) with the key; answers the JSON. A 4xx of the wallet becomes the
   * same kind of problem here with the wallet's type and detail (insufficient funds is the buyer's
   * to know); a 5xx or no answer is 503, nothing changed here.
   */
  public static JsonNode post(
      RestClient wallet,
      JsonMapper json,
      String uri,
      List<Object> variables,
      String key,
      Object body,
      String what) {
    return send(wallet, json, HttpMethod.POST, uri, variables, key, body, what);
  }

  /** Like {@link #post} with any method (holds are PUT and DELETE). */
  public static JsonNode send(
      RestClient wallet,
      JsonMapper json,
      HttpMethod method,
      String uri,
      List<Object> variables,
      String key,
      Object body,
      String what) {
    try {
      RestClient.RequestBodySpec request =
          wallet
              .method(method)
              .uri(uri, variables.toArray())
              .header("Idempotency-Key", key)
              .header("Content-Type", "application/json");
      if (body != null) {
        request.body(body);
      }
      return request.exchange(
          (req, response) -> {
            String text = new String(response.getBody().readAllBytes());
            int status = response.getStatusCode().value();
            if (status / 100 == 2) {
              return text.isBlank() ? json.createObjectNode() : json.readTree(text);
            }
            throw problem(json, status, text, what);
          });
    } catch (DomainException e) {
      throw e;
    } catch (RuntimeException e) {
      log.warn("wallet unreachable for {}: {}", what, e.toString());
      throw unavailable(what);
    }
  }

  public static DomainException problem(JsonMapper json, int status, String text, String what) {
    String type = "wallet-refused";
    String detail = "The wallet refused " + what + ".";
    try {
      JsonNode p = json.readTree(text);
      if (p.hasNonNull("type")) {
        String t = p.get("type").asString();
        type = t.substring(t.lastIndexOf('/') + 1);
      }
      if (p.hasNonNull("detail")) {
        detail = p.get("detail").asString();
      }
    } catch (RuntimeException notJson) {
      // keep the generic words
    }
    Kind kind =
        switch (status) {
          case 400, 422 -> Kind.CONFLICT;
          case 403 -> Kind.FORBIDDEN;
          case 404 -> Kind.CONFLICT;
          case 409 -> Kind.CONFLICT;
          default -> null;
        };
    if (kind == null) {
      log.warn("wallet answered {} for {}: {}", status, what, text);
      return unavailable(what);
    }
    if (status == 404) {
      type = "escrow-not-funded";
      detail = "The order's escrow is not funded yet; try again in a moment.";
    }
    return new DomainException(kind, type, null, detail, List.of(), Map.of());
  }

  public static DomainException unavailable(String what) {
    return new DomainException(
        Kind.UNAVAILABLE,
        "wallet-unavailable",
        null,
        "The wallet cannot be reached for " + what + " right now; nothing changed, try again.",
        List.of(),
        Map.of());
  }
}
