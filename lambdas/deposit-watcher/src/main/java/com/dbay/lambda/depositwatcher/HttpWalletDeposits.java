package com.dbay.lambda.depositwatcher;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The wallet's internal deposit endpoints over HTTP ({@code X-Internal-Token} when configured). */
public final class HttpWalletDeposits implements WalletDeposits {

    private final HttpJson http = new HttpJson();
    private final String base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public HttpWalletDeposits(String walletUrl, String internalToken) {
        this.base = walletUrl.endsWith("/") ? walletUrl.substring(0, walletUrl.length() - 1) : walletUrl;
        headers.put("X-Caller-Service", "deposit-watcher");
        if (internalToken != null && !internalToken.isBlank()) {
            headers.put("X-Internal-Token", internalToken);
        }
    }

    @Override
    public Optional<Map<String, Object>> seen(String txid, int vout, String address, long koinu, String blockHash, long blockHeight) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("txid", txid);
        body.put("vout", vout);
        body.put("address", address);
        body.put("amount", doge(koinu));
        body.put("blockHash", blockHash);
        body.put("blockHeight", blockHeight);
        HttpJson.Reply reply = call("/api/v1/wallet/internal/deposits", body);
        return reply.status() == 204 ? Optional.empty() : Optional.of(reply.map());
    }

    @Override
    public Map<String, Object> confirmations(String txid, int vout, long confirmations) {
        return call("/api/v1/wallet/internal/deposits/" + txid + "/" + vout + "/confirmations", Map.of("confirmations", confirmations)).map();
    }

    @Override
    public Map<String, Object> cancel(String txid, int vout) {
        return call("/api/v1/wallet/internal/deposits/" + txid + "/" + vout + "/cancel", Map.of()).map();
    }

    private HttpJson.Reply call(String path, Map<String, Object> body) {
        HttpJson.Reply reply = http.post(URI.create(base + path), headers, HttpJson.JSON.writeValueAsString(body));
        if (reply.status() >= 500) {
            // the wallet or its database is down: transient, the workflow's Retry (or the next firing) repeats it
            throw new UncheckedIOException(new java.io.IOException("wallet " + path + " answered " + reply.status() + ": " + reply.body()));
        }
        if (reply.status() >= 300) {
            throw new IllegalStateException("wallet " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    static String doge(long koinu) {
        return com.dbay.platform.money.Doge.ofKoinu(koinu).toString();
    }
}
