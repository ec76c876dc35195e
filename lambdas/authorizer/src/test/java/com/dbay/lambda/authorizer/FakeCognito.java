package com.dbay.lambda.authorizer;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.identity.IdentityHeaders;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user pool's JWKS endpoint and user-service's internal resolve on one local HTTP server, and a
 * test key that signs Cognito-shaped tokens.
 */
final class FakeCognito implements AutoCloseable {

  static final String POOL_ISSUER =
      "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1";
  static final String CLIENT_ID = "5hn1test0client0id0abcdefg";

  final RSAKey key = generate("pool-key-1");
  final AtomicInteger jwksFetches = new AtomicInteger();
  final Set<String> suspendedSubs = ConcurrentHashMap.newKeySet();
  private final HttpServer server;
  private final GatewayProof proof;

  FakeCognito(String secret) throws IOException {
    this.proof = new GatewayProof(secret);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/jwks.json",
        exchange -> {
          jwksFetches.incrementAndGet();
          respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
        });
    server.createContext("/api/v1/user/internal/resolve/", this::resolve);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void resolve(HttpExchange exchange) throws IOException {
    var h = exchange.getRequestHeaders();
    Identity claimed =
        new Identity(
            "",
            h.getFirst(IdentityHeaders.COGNITO_SUB),
            h.getFirst(IdentityHeaders.COGNITO_USERNAME),
            h.getFirst(IdentityHeaders.COGNITO_EMAIL),
            Set.of());
    Optional<Identity> verified =
        proof.verify(
            claimed,
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            h.getFirst(IdentityHeaders.PROOF_TIMESTAMP),
            h.getFirst(IdentityHeaders.PROOF_SIGNATURE));
    if (verified.isEmpty()) {
      respond(exchange, 401, "{}");
      return;
    }
    String sub = verified.get().cognitoSub();
    String status = suspendedSubs.contains(sub) ? "SUSPENDED" : "ACTIVE";
    respond(
        exchange,
        200,
        "{\"userId\":\"app-" + sub + "\",\"roles\":[\"USER\"],\"status\":\"" + status + "\"}");
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  static RSAKey generate(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claims of a Cognito id token. */
  static JWTClaimsSet.Builder idToken(String sub) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(POOL_ISSUER)
        .subject(sub)
        .audience(CLIENT_ID)
        .claim("token_use", "id")
        .claim("cognito:username", "carol")
        .claim("email", "carol@demo.dbay")
        .claim("email_verified", true)
        .claim("auth_time", now.getEpochSecond())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)));
  }

  static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String token(String sub) {
    return sign(key, idToken(sub).build());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  static Map<String, String> env(FakeCognito cognito, String secret) {
    return Map.of(
        "COGNITO_ISSUER", POOL_ISSUER,
        "COGNITO_JWKS_URL", cognito.url() + "/jwks.json",
        "COGNITO_CLIENT_IDS", CLIENT_ID,
        "USER_SERVICE_URL", cognito.url(),
        "DBAY_GATEWAY_SECRET", secret);
  }
}
