package com.dbay.lambda.auctioncloser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link DueAuctions} over auction-service's internal API (GET .../internal/auctions/due, POST
 * .../{listingId}/close), signed as auction-closer. One auction that cannot be closed now does not
 * keep the others open: it is tried again at the next firing.
 */
public final class HttpDueAuctions implements DueAuctions {

  /** The part name auction-service allows on its closing endpoints (internal-endpoints.tsv). */
  public static final String CALLER = "auction-closer";

  private static final String BASE = "/api/v1/auction/internal/auctions";

  private final ServiceHttp auction;

  public HttpDueAuctions(ServiceHttp auction) {
    this.auction = auction;
  }

  @Override
  public int closeDue(Instant asOf) {
    Map<String, Object> due =
        auction.get(
            BASE + "/due?asOf=" + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8));
    int closed = 0;
    RuntimeException first = null;
    for (Object id : (List<?>) due.getOrDefault("listingIds", List.of())) {
      try {
        Map<String, Object> outcome =
            auction.post(
                BASE
                    + "/"
                    + URLEncoder.encode(String.valueOf(id), StandardCharsets.UTF_8)
                    + "/close",
                Map.of(),
                null);
        if (Boolean.TRUE.equals(outcome.get("endedNow"))) {
          closed++;
        }
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null && closed == 0) {
      throw first;
    }
    return closed;
  }
}
