package com.dbay.lambda.auctioncloser;

import com.dbay.lambda.support.NotYetImplemented;
import java.time.Instant;

/**
 * The auction service's side: close every auction whose end is at or before {@code asOf}, exactly
 * once.
 */
public interface DueAuctions {

  /**
   * @return how many auctions this call closed
   */
  int closeDue(Instant asOf);

  /** Settles one closed auction (winner's hold → escrow, order created); returns the order id. */
  String settle(String listingId);

  static DueAuctions notYetImplemented() {
    return new DueAuctions() {
      public int closeDue(Instant asOf) {
        throw new NotYetImplemented("auction-closer", "closing due auctions", "the auction issue");
      }

      public String settle(String listingId) {
        throw new NotYetImplemented(
            "auction-settlement", "settling a closed auction", "the auction issue");
      }
    };
  }
}
