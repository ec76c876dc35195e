package com.dbay.messaging.conversation;

import com.dbay.platform.problem.DomainException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.http.HttpClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Who sells a listing, from listing-service's public {@code GET /api/v1/listing/listings/{id}}
 * asked as nobody: the seller of a published listing is public (the page shows it), so no internal
 * endpoint is needed, and a draft, which only its seller sees, answers 404 here too, so nobody can
 * start a thread about it.
 */
@Component
class ListingDirectory {

  /** The part of the listing page a thread needs. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ListingParty(String id, String sellerId, String sellerName, String title, String status) {}

  private final RestClient listing;

  ListingDirectory(MessagingProperties properties) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.listingTimeout())
                .build());
    requests.setReadTimeout(properties.listingTimeout());
    this.listing =
        RestClient.builder()
            .baseUrl(properties.listingUrl().toString())
            .requestFactory(requests)
            .build();
  }

  ListingParty find(String listingId) {
    try {
      ListingParty party =
          listing
              .get()
              .uri("/api/v1/listing/listings/{id}", listingId)
              .retrieve()
              .body(ListingParty.class);
      if (party == null || party.sellerId() == null || party.sellerId().isBlank()) {
        throw unavailable();
      }
      return party;
    } catch (HttpClientErrorException e) {
      if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
          || e.getStatusCode().value() == HttpStatus.BAD_REQUEST.value()) {
        throw DomainException.notFound("Listing " + listingId);
      }
      throw unavailable();
    } catch (RestClientException e) {
      throw unavailable();
    }
  }

  private static DomainException unavailable() {
    return new DomainException(
        DomainException.Kind.UNAVAILABLE,
        "listing-unavailable",
        "The listing cannot be looked up right now; try again in a moment.");
  }
}
