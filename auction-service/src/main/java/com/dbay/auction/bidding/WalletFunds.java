package com.dbay.auction.bidding;

import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.servicecall.ServiceCallSigningInterceptor;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * {@link Funds} on wallet-service's internal holds, {@code PUT/DELETE
 * /api/v1/wallet/internal/holds/{userId}/auction-<listingId>}, signed as auction-service. Each call
 * has a fresh Idempotency-Key: the hold is set to an exact amount, so a repeat is harmless, and a
 * fresh key never gets an old answer back for a hold that has changed since.
 *
 * <p>{@link #setHolds} sets the holds of a whole batch of bids in one call to {@code POST
 * /api/v1/wallet/internal/holds/batch} (one wallet transaction and commit for all of them, {@value
 * #MAX_PER_CALL} per call at most), each item with its own fresh key.
 */
@Component
class WalletFunds implements Funds {

  private static final Logger log = LoggerFactory.getLogger(WalletFunds.class);

  private final RestClient wallet;

  WalletFunds(
      AuctionConfiguration.AuctionProperties properties, ServiceCallSigningInterceptor signing) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            // HTTP/1.1: the default (HTTP/2 preferred) sends an h2c upgrade on every new
            // connection,
            // which Tomcat answers in HTTP/1.1 anyway; a wasted header round on the hot path.
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build());
    requests.setReadTimeout(Duration.ofSeconds(5));
    this.wallet =
        RestClient.builder()
            .baseUrl(properties.walletUrl())
            .requestFactory(requests)
            .requestInterceptor(signing)
            .build();
  }

  @Override
  public Outcome hold(String userId, String listingId, Doge amount) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("amount", amount.toString());
    try {
      return wallet
          .put()
          .uri(
              "/api/v1/wallet/internal/holds/{userId}/{reference}",
              userId,
              Auction.holdReference(listingId))
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .contentType(MediaType.APPLICATION_JSON)
          .body(body)
          .exchange(
              (request, response) -> {
                HttpStatusCode status = response.getStatusCode();
                if (status.is2xxSuccessful()) {
                  return Outcome.HELD;
                }
                String problem = new String(response.getBody().readAllBytes());
                if (status.value() == 409 && problem.contains("insufficient-funds")) {
                  return Outcome.INSUFFICIENT;
                }
                if (status.value() == 403 && problem.contains("account-suspended")) {
                  return Outcome.SUSPENDED;
                }
                log.warn(
                    "wallet refused a hold for {} on {}: {} {}",
                    userId,
                    listingId,
                    status,
                    problem);
                return Outcome.UNAVAILABLE;
              });
    } catch (RuntimeException e) {
      log.warn("wallet unreachable for a hold of {} on {}: {}", userId, listingId, e.toString());
      return Outcome.UNAVAILABLE;
    }
  }

  /** The wallet's limit per batch call. */
  static final int MAX_PER_CALL = 64;

  private record BatchItem(String userId, String reference, String amount, String idempotencyKey) {}

  private record BatchRequest(List<BatchItem> items) {}

  private record BatchResult(String userId, String outcome, String problem) {}

  private record BatchResponse(List<BatchResult> results) {}

  @Override
  public Map<String, Outcome> setHolds(String listingId, Map<String, Doge> amounts) {
    Map<String, Outcome> out = new LinkedHashMap<>();
    List<Map.Entry<String, Doge>> all = List.copyOf(amounts.entrySet());
    for (int from = 0; from < all.size(); from += MAX_PER_CALL) {
      List<Map.Entry<String, Doge>> part =
          all.subList(from, Math.min(all.size(), from + MAX_PER_CALL));
      out.putAll(setBatch(listingId, part));
    }
    return out;
  }

  private Map<String, Outcome> setBatch(String listingId, List<Map.Entry<String, Doge>> part) {
    String reference = Auction.holdReference(listingId);
    List<BatchItem> items = new ArrayList<>(part.size());
    for (Map.Entry<String, Doge> e : part) {
      items.add(
          new BatchItem(
              e.getKey(), reference, e.getValue().toString(), UUID.randomUUID().toString()));
    }
    Map<String, Outcome> out = new LinkedHashMap<>();
    try {
      BatchResponse answer =
          wallet
              .post()
              .uri("/api/v1/wallet/internal/holds/batch")
              .contentType(MediaType.APPLICATION_JSON)
              .body(new BatchRequest(items))
              .exchange(
                  (request, response) -> {
                    if (response.getStatusCode().is2xxSuccessful()) {
                      return response.bodyTo(BatchResponse.class);
                    }
                    log.warn(
                        "wallet refused a batch of {} holds on {}: {} {}",
                        items.size(),
                        listingId,
                        response.getStatusCode(),
                        new String(response.getBody().readAllBytes()));
                    return null;
                  });
      if (answer != null && answer.results() != null && answer.results().size() == items.size()) {
        for (int i = 0; i < items.size(); i++) {
          BatchResult r = answer.results().get(i);
          out.put(items.get(i).userId(), outcomeOf(r, listingId));
        }
      }
    } catch (RuntimeException e) {
      log.warn("wallet unreachable for {} holds on {}: {}", items.size(), listingId, e.toString());
    }
    for (BatchItem item : items) {
      out.putIfAbsent(item.userId(), Outcome.UNAVAILABLE);
    }
    return out;
  }

  private static Outcome outcomeOf(BatchResult r, String listingId) {
    return switch (r.outcome() == null ? "" : r.outcome()) {
      case "HELD" -> Outcome.HELD;
      case "INSUFFICIENT_FUNDS" -> Outcome.INSUFFICIENT;
      case "SUSPENDED" -> Outcome.SUSPENDED;
      default -> {
        log.warn(
            "wallet refused a hold for {} on {}: {} {}",
            r.userId(),
            listingId,
            r.outcome(),
            r.problem());
        yield Outcome.UNAVAILABLE;
      }
    };
  }

  @Override
  public boolean release(String userId, String listingId) {
    try {
      return wallet
          .delete()
          .uri(
              "/api/v1/wallet/internal/holds/{userId}/{reference}",
              userId,
              Auction.holdReference(listingId))
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .exchange(
              (request, response) -> {
                if (response.getStatusCode().is2xxSuccessful()) {
                  return true;
                }
                log.warn(
                    "wallet refused to release the hold of {} on {}: {} {}",
                    userId,
                    listingId,
                    response.getStatusCode(),
                    new String(response.getBody().readAllBytes()));
                return false;
              });
    } catch (RuntimeException e) {
      log.warn("wallet unreachable to release {} on {}: {}", userId, listingId, e.toString());
      return false;
    }
  }
}
