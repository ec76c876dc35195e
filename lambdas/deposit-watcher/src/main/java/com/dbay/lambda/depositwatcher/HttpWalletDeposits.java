package com.dbay.lambda.depositwatcher;

import com.dbay.platform.servicecall.ServiceCallSigner;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The wallet's internal deposit endpoints over HTTP, every call signed as the {@code
 * deposit-watcher} part.
 */
public final class HttpWalletDeposits implements WalletDeposits {

  /** The part name the wallet allows on its deposit endpoints (dbay/internal-endpoints.tsv). */
  public static final String CALLER = "deposit-watcher";

  private final HttpJson http = new HttpJson();
  private final String base;
  private final Supplier<ServiceCallSigner> signer;

  public HttpWalletDeposits(String walletUrl, Supplier<ServiceCallSigner> signer) {
    this.base =
        walletUrl.endsWith("/") ? walletUrl.substring(0, walletUrl.length() - 1) : walletUrl;
    this.signer = signer;
  }

  public HttpWalletDeposits(String walletUrl, ServiceCallSigner signer) {
    this(walletUrl, () -> signer);
  }

  @Override
  public Optional<Map<String, Object>> seen(
      String txid, int vout, String address, long koinu, String blockHash, long blockHeight) {
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
    return call(
            "/api/v1/wallet/internal/deposits/" + txid + "/" + vout + "/confirmations",
            Map.of("confirmations", confirmations))
        .map();
  }

  @Override
  public Map<String, Object> cancel(String txid, int vout) {
    return call("/api/v1/wallet/internal/deposits/" + txid + "/" + vout + "/cancel", Map.of())
        .map();
  }

  private HttpJson.Reply call(String path, Map<String, Object> body) {
    String json = HttpJson.JSON.writeValueAsString(body);
    URI uri = URI.create(base + path);
    Map<String, String> headers =
        signer.get().headers("POST", uri, json.getBytes(StandardCharsets.UTF_8));
    HttpJson.Reply reply = http.post(uri, headers, json);
    if (reply.status() >= 500) {
      // the wallet or its database is down: transient, the workflow's Retry (or the next firing)
      // repeats it
      throw new UncheckedIOException(
          new java.io.IOException(
              "wallet " + path + " answered " + reply.status() + ": " + reply.body()));
    }
    if (reply.status() >= 300) {
      throw new IllegalStateException(
          "wallet " + path + " answered " + reply.status() + ": " + reply.body());
    }
    return reply;
  }

  static String doge(long koinu) {
    return com.dbay.platform.money.Doge.ofKoinu(koinu).toString();
  }
}
