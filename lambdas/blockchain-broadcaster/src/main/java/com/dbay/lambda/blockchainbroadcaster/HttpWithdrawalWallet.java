package com.dbay.lambda.blockchainbroadcaster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** {@link WithdrawalWallet} over the wallet's internal HTTP API; 5xx and connection failures are UncheckedIOException (retried). */
public final class HttpWithdrawalWallet implements WithdrawalWallet {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;
    private final String token;

    public HttpWithdrawalWallet(String walletUrl, String internalToken) {
        this.base = walletUrl.endsWith("/") ? walletUrl.substring(0, walletUrl.length() - 1) : walletUrl;
        this.token = internalToken;
    }

    @Override
    public Map<String, Object> plan(String withdrawalId) {
        return post("/api/v1/wallet/internal/withdrawals/" + withdrawalId + "/plan", "{}");
    }

    @Override
    public Map<String, Object> recordSignature(String withdrawalId, String rawTransaction) {
        return post("/api/v1/wallet/internal/withdrawals/" + withdrawalId + "/signature", JSON.writeValueAsString(Map.of("rawTransaction", rawTransaction)));
    }

    @Override
    public Map<String, Object> flagStuck(String withdrawalId, int unconfirmedPolls) {
        return post("/api/v1/wallet/internal/withdrawals/" + withdrawalId + "/stuck", "{\"unconfirmedPolls\":" + unconfirmedPolls + "}");
    }

    @Override
    public Map<String, Object> settle(String withdrawalId, int confirmations) {
        return post("/api/v1/wallet/internal/withdrawals/" + withdrawalId + "/settle", "{\"confirmations\":" + confirmations + "}");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").header("X-Caller-Service", "blockchain-broadcaster")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null && !token.isBlank()) {
            request.header("X-Internal-Token", token);
        }
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
            throw new UncheckedIOException(new IOException("wallet " + path + " answered " + response.statusCode() + ": " + response.body()));
        }
        if (response.statusCode() == 409) {
            throw new WithdrawalWallet.Conflict("wallet " + path + " answered 409: " + response.body());
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("wallet " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readValue(response.body(), Map.class);
    }
}
