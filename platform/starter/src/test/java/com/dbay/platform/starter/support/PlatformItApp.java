package com.dbay.platform.starter.support;

import com.dbay.platform.events.EventPattern;
import com.dbay.platform.money.Doge;
import com.dbay.platform.money.MinAmount;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.starter.events.EventSubscriber;
import com.dbay.platform.starter.events.Outbox;
import com.dbay.platform.starter.idempotency.Idempotent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small service built on the starter, as every DBay service is, for the platform's integration
 * tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
  PlatformItApp.Bids.class,
  PlatformItApp.Listings.class,
  PlatformItApp.ListingService.class
})
public class PlatformItApp {

  public static final String SOURCE = "dbay.platform-it";

  public record PlaceBid(@NotNull @MinAmount("0.01") Doge amount) {}

  public record BidPlaced(long id, String bidder, Doge amount, long bidsByBidder) {}

  public record CreateListing(String id, String title, boolean failAfterEvent) {}

  public record ListingCreated(String listingId, String title) {}

  @RestController
  static class Bids {
    private final JdbcTemplate jdbc;

    Bids(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @Idempotent
    @PostMapping("/it/bids")
    @ResponseStatus(HttpStatus.CREATED)
    BidPlaced place(
        @RequestHeader("X-User-ID") String bidder,
        @Valid @RequestBody PlaceBid bid,
        @RequestHeader(value = "X-Slow-Millis", defaultValue = "0") long slow)
        throws InterruptedException {
      Thread.sleep(slow);
      Long id =
          jdbc.queryForObject(
              "INSERT INTO it_bids (bidder, amount) VALUES (?, ?) RETURNING id",
              Long.class,
              bidder,
              bid.amount().koinu());
      Long count =
          jdbc.queryForObject("SELECT count(*) FROM it_bids WHERE bidder = ?", Long.class, bidder);
      return new BidPlaced(id, bidder, bid.amount(), count);
    }

    /**
     * Attempts per caller, counted outside the database: a failed attempt's own writes are rolled
     * back.
     */
    private final Map<String, java.util.concurrent.atomic.AtomicLong> attempts =
        new ConcurrentHashMap<>();

    @Idempotent
    @PostMapping("/it/flaky")
    Map<String, Object> flaky(
        @RequestHeader("X-User-ID") String caller, @RequestBody Map<String, Object> body) {
      long attempt =
          attempts
              .computeIfAbsent(caller, c -> new java.util.concurrent.atomic.AtomicLong())
              .incrementAndGet();
      jdbc.update("INSERT INTO it_bids (bidder, amount) VALUES (?, 0)", caller);
      if (attempt == 1) {
        throw new IllegalStateException("transient failure on the first attempt");
      }
      return Map.of("attempts", attempt);
    }

    /**
     * A bid that can stop for the crash test: with {@code X-Pause-At: before-work} it stops right
     * after the key was claimed, with {@code after-work} after its row was written and before the
     * answer is stored and committed. It announces the stop by creating the file {@code
     * X-Pause-File} and then waits to be killed.
     */
    @Idempotent
    @PostMapping("/it/pausing-bids")
    @ResponseStatus(HttpStatus.CREATED)
    BidPlaced pausing(
        @RequestHeader("X-User-ID") String bidder,
        @Valid @RequestBody PlaceBid bid,
        @RequestHeader(value = "X-Pause-At", defaultValue = "") String pauseAt,
        @RequestHeader(value = "X-Pause-File", defaultValue = "") String pauseFile)
        throws Exception {
      if (pauseAt.equals("before-work")) {
        pause(pauseFile);
      }
      Long id =
          jdbc.queryForObject(
              "INSERT INTO it_bids (bidder, amount) VALUES (?, ?) RETURNING id",
              Long.class,
              bidder,
              bid.amount().koinu());
      if (pauseAt.equals("after-work")) {
        pause(pauseFile);
      }
      Long count =
          jdbc.queryForObject("SELECT count(*) FROM it_bids WHERE bidder = ?", Long.class, bidder);
      return new BidPlaced(id, bidder, bid.amount(), count);
    }

    private static void pause(String file) throws Exception {
      java.nio.file.Files.writeString(java.nio.file.Path.of(file), "paused");
      Thread.sleep(java.time.Duration.ofMinutes(5));
    }

    @Idempotent
    @PostMapping("/it/refused")
    Map<String, Object> refused(@RequestBody Map<String, Object> body) {
      throw DomainException.conflict("refused for the test");
    }
  }

  @Service
  public static class ListingService {
    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    ListingService(JdbcTemplate jdbc, Outbox outbox) {
      this.jdbc = jdbc;
      this.outbox = outbox;
    }

    @Transactional
    public String create(CreateListing request) {
      jdbc.update(
          "INSERT INTO it_listings (id, title) VALUES (?, ?)", request.id(), request.title());
      String eventId =
          outbox.publish("ListingCreated", new ListingCreated(request.id(), request.title())).id();
      if (request.failAfterEvent()) {
        throw DomainException.conflict("refused after writing the event");
      }
      return eventId;
    }
  }

  @RestController
  static class Listings {
    private final ListingService service;

    Listings(ListingService service) {
      this.service = service;
    }

    @PostMapping("/it/listings")
    Map<String, String> create(@RequestBody CreateListing request) {
      return Map.of("eventId", service.create(request));
    }
  }

  /**
   * Refuses /it/denied the way a security filter does, with sendError: Boot then renders /error.
   */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter>
      denyingFilter() {
    var registration =
        new org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter>(
            (request, response, chain) -> {
              if (((jakarta.servlet.http.HttpServletRequest) request)
                  .getRequestURI()
                  .equals("/it/denied")) {
                ((jakarta.servlet.http.HttpServletResponse) response).sendError(401);
                return;
              }
              chain.doFilter(request, response);
            });
    registration.setOrder(0);
    return registration;
  }

  /** Records each ListingCreated it handles: the table shows how often the effect happened. */
  @Bean
  EventSubscriber effects(JdbcTemplate jdbc) {
    return EventSubscriber.of(
        "it.effects",
        EventPattern.source(SOURCE).detailType("ListingCreated"),
        event ->
            jdbc.update(
                "INSERT INTO it_effects (subscriber, event_id, listing_id) VALUES ('it.effects', ?, ?)",
                event.id(),
                event.detail().get("listingId").asString()));
  }

  /** Fails the first delivery of every event, as a consumer that crashes mid-way would. */
  @Bean
  EventSubscriber flakyEffects(JdbcTemplate jdbc) {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    return EventSubscriber.of(
        "it.flaky",
        EventPattern.source(SOURCE).detailType("ListingCreated"),
        event -> {
          jdbc.update(
              "INSERT INTO it_effects (subscriber, event_id, listing_id) VALUES ('it.flaky', ?, ?)",
              event.id(),
              event.detail().get("listingId").asString());
          if (seen.add(event.id())) {
            throw new IllegalStateException("consumer crashed before acknowledging " + event.id());
          }
        });
  }
}
