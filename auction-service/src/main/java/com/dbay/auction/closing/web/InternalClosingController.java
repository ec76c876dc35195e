package com.dbay.auction.closing.web;

import com.dbay.auction.bidding.CloseOutcome;
import com.dbay.auction.closing.AuctionClosing;
import com.dbay.platform.problem.DomainException;
import com.dbay.platform.problem.DomainException.Kind;
import com.dbay.platform.problem.FieldProblem;
import com.dbay.platform.starter.servicecall.InternalApi;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Closing, for the serverless functions (rows in dbay/internal-endpoints.tsv): auction-closer finds
 * and ends due auctions, auction-settlement reads the outcome.
 */
@RestController
@RequestMapping("/api/v1/auction/internal/auctions")
class InternalClosingController {

  private final AuctionClosing closing;

  InternalClosingController(AuctionClosing closing) {
    this.closing = closing;
  }

  record Due(Instant asOf, List<String> listingIds) {}

  @InternalApi(callers = "auction-closer")
  @GetMapping("/due")
  Due due(
      @RequestParam(required = false) String asOf,
      @RequestParam(defaultValue = "" + AuctionClosing.MAX_DUE) int limit) {
    Instant at;
    try {
      at = asOf == null ? null : Instant.parse(asOf);
    } catch (DateTimeParseException e) {
      throw invalid("asOf", "must be an ISO-8601 instant");
    }
    if (limit < 1 || limit > AuctionClosing.MAX_DUE) {
      throw invalid("limit", "must be between 1 and " + AuctionClosing.MAX_DUE);
    }
    return new Due(at, closing.due(at, limit));
  }

  /** Ends the auction if it is due; a repeat answers the same outcome with endedNow false. */
  @InternalApi(callers = "auction-closer")
  @PostMapping("/{listingId}/close")
  CloseOutcome close(@PathVariable String listingId) {
    return closing.close(listingId);
  }

  @InternalApi(callers = "auction-settlement")
  @GetMapping("/{listingId}/outcome")
  AuctionClosing.Outcome outcome(@PathVariable String listingId) {
    return closing.outcome(listingId);
  }

  private static DomainException invalid(String field, String message) {
    return new DomainException(
        Kind.INVALID,
        "validation",
        "Invalid request",
        field + " " + message + ".",
        List.of(new FieldProblem(field, message)),
        Map.of());
  }
}
