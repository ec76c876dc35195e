package com.dbay.lambda.auctioncloser;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** AuctionCloseWorkflow's Settle task: input {"listingId": "..."} → {"listingId", "orderId"}. */
public class AuctionSettlementHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private final DueAuctions auctions;

  public AuctionSettlementHandler() {
    this(DueAuctions.notYetImplemented());
  }

  public AuctionSettlementHandler(DueAuctions auctions) {
    this.auctions = auctions;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    Object listingId = input == null ? null : input.get("listingId");
    if (!(listingId instanceof String id) || id.isBlank()) {
      throw new IllegalArgumentException("listingId is required");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("listingId", id);
    result.put("orderId", auctions.settle(id));
    return result;
  }
}
