package com.dbay.auction.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.platform.events.EventEnvelope;
import com.dbay.platform.money.Doge;
import com.dbay.platform.servicecall.ServiceCallHeaders;
import com.dbay.platform.starter.events.EventDispatcher;
import com.dbay.platform.starter.events.EventSubscriber;
import com.dbay.platform.test.TestStores;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auctions open from {@code ListingPublished} (dbay.listing) with the listing's schedule and the
 * hidden reserve asked of listing-service's internal auction-terms endpoint, signed as
 * auction-service; {@code ListingEnded} by the seller ends an auction without bids. Events are
 * delivered through the platform's dispatcher, as the stream consumer delivers them.
 * listing-service is played by a small HTTP server here: it only answers the terms.
 */
@SpringBootTest(properties = "dbay.identity.gateway-secret=listing-events-it-0123456789abcdef")
class ListingEventsIT {

  static final Map<String, String> TERMS = new ConcurrentHashMap<>();
  static final Map<String, String> CALLERS = new ConcurrentHashMap<>();
  static HttpServer listing;

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) throws IOException {
    TestStores.ensureDatabase("auction");
    RealWallet.register(registry);
    listing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    listing.createContext(
        "/api/v1/listing/internal/auction-terms/",
        exchange -> {
          String id = exchange.getRequestURI().getPath().replaceAll(".*/", "");
          CALLERS.put(
              id,
              String.valueOf(exchange.getRequestHeaders().getFirst(ServiceCallHeaders.CALLER))
                  + "/"
                  + (exchange.getRequestHeaders().getFirst(ServiceCallHeaders.SIGNATURE) != null));
          String body = TERMS.get(id);
          byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
          try (var out = exchange.getResponseBody()) {
            out.write(bytes);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    listing.start();
    registry.add(
        "dbay.auction.listing-url", () -> "http://127.0.0.1:" + listing.getAddress().getPort());
  }

  @AfterAll
  static void stop() {
    listing.stop(0);
  }

  @Autowired EventDispatcher dispatcher;

  @Autowired
  @Qualifier("auctionListings")
  EventSubscriber subscriber;

  @Autowired Auctions auctions;
  @Autowired JdbcTemplate jdbc;
  @Autowired JsonMapper json;

  EventEnvelope event(String type, String listingId, String format, String status) {
    String detail =
        "{\"listingId\":\""
            + listingId
            + "\",\"sellerId\":\"alice\",\"format\":\""
            + format
            + "\",\"status\":\""
            + status
            + "\",\"startPrice\":\"5.00000000\",\"bidCount\":0,\"version\":2}";
    return new EventEnvelope(
        UUID.randomUUID().toString(), "dbay.listing", type, Instant.now(), json.readTree(detail));
  }

  @Test
  void aPublishedAuctionListingOpensItsAuctionOnTheListingsScheduleWithTheHiddenReserve() {
    String id = UUID.randomUUID().toString();
    Instant starts = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Instant ends = starts.plus(7, ChronoUnit.DAYS);
    TERMS.put(
        id,
        "{\"listingId\":\""
            + id
            + "\",\"sellerId\":\"alice\",\"format\":\"auction\",\"status\":\"scheduled\",\"startPrice\":\"5.00000000\","
            + "\"reservePrice\":\"80.00000000\",\"buyItNowPrice\":\"120.00000000\",\"startsAt\":\""
            + starts
            + "\",\"endsAt\":\""
            + ends
            + "\",\"version\":2}");
    EventEnvelope published = event("ListingPublished", id, "auction", "scheduled");
    assertThat(dispatcher.deliver(subscriber, published))
        .isEqualTo(EventDispatcher.Outcome.HANDLED);
    assertThat(dispatcher.deliver(subscriber, published))
        .as("the same event again")
        .isEqualTo(EventDispatcher.Outcome.DUPLICATE);
    assertThat(CALLERS.get(id))
        .as("asked as auction-service, signed")
        .isEqualTo("auction-service/true");

    Auction auction = auctions.find(id).orElseThrow();
    assertThat(auction.terms().sellerId()).isEqualTo("alice");
    assertThat(auction.terms().startPrice()).isEqualTo(Doge.parse("5"));
    assertThat(auction.terms().reserve()).contains(Doge.parse("80"));
    assertThat(auction.terms().buyItNow()).contains(Doge.parse("120"));
    assertThat(auction.terms().startsAt()).isEqualTo(starts);
    assertThat(auction.endsAt()).isEqualTo(ends);
    assertThat(auction.status()).isEqualTo(Auction.Status.ACTIVE);
    // A second publication (another event id) opens nothing twice.
    assertThat(dispatcher.deliver(subscriber, event("ListingPublished", id, "auction", "active")))
        .isEqualTo(EventDispatcher.Outcome.HANDLED);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM auctions WHERE listing_id = ?", Long.class, id))
        .isEqualTo(1);
  }

  @Test
  void aFixedPriceListingOpensNoAuction() {
    String id = UUID.randomUUID().toString();
    dispatcher.deliver(subscriber, event("ListingPublished", id, "fixed", "active"));
    assertThat(auctions.find(id)).isEmpty();
    assertThat(CALLERS).doesNotContainKey(id);
  }

  @Test
  void aListingEndedEarlyEndsItsAuctionWithoutBidsAndSaysSo() {
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    TERMS.put(
        id,
        "{\"listingId\":\""
            + id
            + "\",\"sellerId\":\"alice\",\"format\":\"auction\",\"status\":\"active\",\"startPrice\":\"5.00000000\","
            + "\"reservePrice\":null,\"buyItNowPrice\":null,\"startsAt\":\""
            + now
            + "\",\"endsAt\":\""
            + now.plus(3, ChronoUnit.DAYS)
            + "\",\"version\":2}");
    dispatcher.deliver(subscriber, event("ListingPublished", id, "auction", "active"));
    dispatcher.deliver(subscriber, event("ListingEnded", id, "auction", "ended"));
    Auction ended = auctions.find(id).orElseThrow();
    assertThat(ended.status()).isEqualTo(Auction.Status.ENDED);
    assertThat(ended.winnerId()).isEmpty();
    List<String> types =
        jdbc.queryForList(
            "SELECT detail_type FROM platform_outbox WHERE detail::jsonb->>'listingId' = ? ORDER BY seq",
            String.class,
            id);
    assertThat(types).containsExactly("AuctionEnded", "AuctionUnsold");
  }
}
