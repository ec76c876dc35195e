package com.dbay.auction.bidding;

import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.servicecall.ServiceCallSigningInterceptor;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 */
@Component
class WalletFunds implements Funds {

  private static final Logger log = LoggerFactory.getLogger(WalletFunds.class);

  private final RestClient wallet;

  WalletFunds(
      AuctionConfiguration.AuctionProperties properties, ServiceCallSigningInterceptor signing) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
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
