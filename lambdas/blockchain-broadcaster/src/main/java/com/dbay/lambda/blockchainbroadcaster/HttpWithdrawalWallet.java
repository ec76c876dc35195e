package com.dbay.lambda.blockchainbroadcaster;

import com.dbay.platform.servicecall.ServiceCallSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link WithdrawalWallet} over the wallet's internal HTTP API; 5xx and connection failures are
 * UncheckedIOException (retried).
 */
public final class HttpWithdrawalWallet implements WithdrawalWallet {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();

  /** The part name the wallet allows on its withdrawal endpoints (dbay/internal-endpoints.tsv). */
  public static final String CALLER = "blockchain-broadcaster";

  private final String base;
  private final Supplier<ServiceCallSigner> signer;

  public HttpWithdrawalWallet(String walletUrl, Supplier<ServiceCallSigner> signer) {
    this.base =
        walletUrl.endsWith("/") ? walletUrl.substring(0, walletUrl.length() - 1) : walletUrl;
    this.signer = signer;
  }

  public HttpWithdrawalWallet(String walletUrl, ServiceCallSigner signer) {
    this(walletUrl, () -> signer);
  }

  @Override
  public Map<String, Object> plan(String withdrawalId) {
    return post("/api/v1/wallet/internal/withdrawals/" + withdrawalId + "/plan", "{}");
  }

  @Override
  public Map<String, Object> recordSignature(String withdrawalId, String rawTransaction) {
    return post(
        "/api/v1/wallet/internal/withdrawals/" + withdrawalId + "/signature",
        JSON.writeValueAsString(Map.of("rawTransaction", rawTransaction)));
  }

  @Override
  public Map<String, Object> flagStuck(String withdrawalId, int unconfirmedPolls) {
    return post(
        "/api/v1/wallet/internal/withdrawals/" + withdrawalId + "/stuck",
        "{\"unconfirmedPolls\":" + unconfirmedPolls + "}");
  }

  @Override
  public Map<String, Object> settle(String withdrawalId, int confirmations) {
    return post(
        "/api/v1/wallet/internal/withdrawals/" + withdrawalId + "/settle",
        "{\"confirmations\":" + confirmations + "}");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> post(String path, String body) {
    URI uri = URI.create(base + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    signer
        .get()
        .headers("POST", uri, body.getBytes(StandardCharsets.UTF_8))
        .forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("wallet " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (response.statusCode() >= 500) {
      throw new UncheckedIOException(
          new IOException(
              "wallet " + path + " answered " + response.statusCode() + ": " + response.body()));
    }
    if (response.statusCode() == 409) {
      throw new WithdrawalWallet.Conflict("wallet " + path + " answered 409: " + response.body());
    }
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          "wallet " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readValue(response.body(), Map.class);
  }
}
