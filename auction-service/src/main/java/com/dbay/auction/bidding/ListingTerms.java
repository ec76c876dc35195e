package com.dbay.auction.bidding;

import com.dbay.platform.money.Doge;
import com.dbay.platform.starter.servicecall.ServiceCallSigningInterceptor;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * listing-service's internal {@code GET /api/v1/listing/internal/auction-terms/{id}}, signed as
 * auction-service: the terms of an auction listing including the hidden reserve.
 */
@Component
public class ListingTerms {

  public record Terms(
      String listingId,
      String sellerId,
      String format,
      String status,
      Doge startPrice,
      Doge reservePrice,
      Doge buyItNowPrice,
      Instant startsAt,
      Instant endsAt,
      long version) {}

  private final RestClient listing;

  ListingTerms(
      AuctionConfiguration.AuctionProperties properties, ServiceCallSigningInterceptor signing) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build());
    requests.setReadTimeout(Duration.ofSeconds(10));
    this.listing =
        RestClient.builder()
            .baseUrl(properties.listingUrl())
            .requestFactory(requests)
            .requestInterceptor(signing)
            .build();
  }

  /** Throws when listing-service cannot answer: the event is then retried. */
  public Terms of(String listingId) {
    return listing
        .get()
        .uri("/api/v1/listing/internal/auction-terms/{id}", listingId)
        .retrieve()
        .body(Terms.class);
  }
}
