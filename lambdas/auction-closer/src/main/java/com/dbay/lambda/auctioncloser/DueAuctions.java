package com.dbay.lambda.auctioncloser;

import java.time.Instant;

/**
 * The auction service's side: close every auction whose end is at or before {@code asOf}, exactly
 * once (the auction service ends each auction under its row lock; a repeat changes nothing).
 */
public interface DueAuctions {

  /**
   * @return how many auctions this call closed
   */
  int closeDue(Instant asOf);
}
