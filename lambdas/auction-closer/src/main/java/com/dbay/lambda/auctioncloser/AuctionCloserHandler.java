package com.dbay.lambda.auctioncloser;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.dbay.platform.servicecall.ServiceCallSigner;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fired on a schedule (every few seconds locally, an EventBridge schedule in AWS). Closes what was
 * due at the event's own time, not the time the handler happens to run, so a late firing closes the
 * same auctions an on-time one would have. The auction service ends each auction once and records
 * AuctionEnded, which starts AuctionCloseWorkflow.
 */
public class AuctionCloserHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

  private final DueAuctions auctions;

  /**
   * The Lambda runtime's: auction-service at DBAY_AUCTION_URL, keys from DBAY_SERVICE_KEYS_FILE.
   */
  public AuctionCloserHandler() {
    this(
        new HttpDueAuctions(
            new ServiceHttp(
                "auction-service",
                ServiceHttp.env("DBAY_AUCTION_URL", "http://127.0.0.1:8002"),
                ServiceCallSigner.fromEnvironment(HttpDueAuctions.CALLER))));
  }

  public AuctionCloserHandler(DueAuctions auctions) {
    this.auctions = auctions;
  }

  @Override
  public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
    Instant asOf =
        event.getTime() == null ? Instant.now() : Instant.ofEpochMilli(event.getTime().getMillis());
    int closed = auctions.closeDue(asOf);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("asOf", asOf.toString());
    result.put("closed", closed);
    return result;
  }
}
