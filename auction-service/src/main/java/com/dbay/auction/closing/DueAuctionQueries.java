package com.dbay.auction.closing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads for closing, over the bidding feature's tables (auctions_active_by_end serves due()). */
@Repository
public class DueAuctionQueries {

  private final JdbcTemplate jdbc;

  public DueAuctionQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Active auctions whose end is at or before {@code asOf}, the longest overdue first. */
  List<String> due(Instant asOf, int limit) {
    return jdbc.queryForList(
        "SELECT listing_id FROM auctions WHERE status = 'ACTIVE' AND ends_at <= ?"
            + " ORDER BY ends_at, listing_id LIMIT ?",
        String.class,
        Timestamp.from(asOf),
        limit);
  }

  /** Everyone who ever bid on the auction, in the order of their first bid. */
  List<String> bidders(String listingId) {
    return jdbc.queryForList(
        "SELECT bidder_id FROM bids WHERE listing_id = ? GROUP BY bidder_id ORDER BY min(sequence)",
        String.class,
        listingId);
  }
}
