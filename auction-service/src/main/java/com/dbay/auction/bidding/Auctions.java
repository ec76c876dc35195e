package com.dbay.auction.bidding;

import com.dbay.platform.money.Doge;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The auctions, their bids and the answers given to bid requests, in the service's PostgreSQL. */
@Repository
public class Auctions {

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final AuctionRules rules;

  public Auctions(JdbcTemplate jdbc, JsonMapper json, AuctionRules rules) {
    this.jdbc = jdbc;
    this.json = json;
    this.rules = rules;
  }

  /** Creates the auction unless it exists; true when this call created it. */
  public boolean open(AuctionTerms terms) {
    return jdbc.update(
            """
        INSERT INTO auctions (listing_id, seller_id, start_price, reserve_price, buy_it_now_price, starts_at,
          original_ends_at, ends_at, status, current_price)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?) ON CONFLICT (listing_id) DO NOTHING""",
            terms.listingId(),
            terms.sellerId(),
            terms.startPrice().koinu(),
            terms.reserve().map(Doge::koinu).orElse(null),
            terms.buyItNow().map(Doge::koinu).orElse(null),
            Timestamp.from(terms.startsAt()),
            Timestamp.from(terms.endsAt()),
            Timestamp.from(terms.endsAt()),
            terms.startPrice().koinu())
        == 1;
  }

  public Optional<Auction> find(String listingId) {
    return jdbc
        .query("SELECT * FROM auctions WHERE listing_id = ?", this::restore, listingId)
        .stream()
        .findFirst();
  }

  /**
   * Loads the auction and locks its row until the transaction ends (one lock per batch of bids).
   */
  Optional<Auction> lock(String listingId) {
    return jdbc
        .query("SELECT * FROM auctions WHERE listing_id = ? FOR UPDATE", this::restore, listingId)
        .stream()
        .findFirst();
  }

  /** The answers already given for these keys of this auction, by (bidder, key). */
  Map<List<String>, StoredRequest> answered(String listingId, Collection<BidRequest> requests) {
    Map<List<String>, StoredRequest> found = new HashMap<>();
    if (requests.isEmpty()) {
      return found;
    }
    String[] keys =
        requests.stream().map(BidRequest::idempotencyKey).distinct().toArray(String[]::new);
    jdbc.query(
        "SELECT bidder_id, idempotency_key, max_bid, answer::text FROM bid_requests"
            + " WHERE listing_id = ? AND idempotency_key = ANY (?)",
        rs -> {
          found.put(
              List.of(rs.getString(1), rs.getString(2)),
              new StoredRequest(
                  Doge.ofKoinu(rs.getLong(3)), json.readValue(rs.getString(4), BidAnswer.class)));
        },
        listingId,
        keys);
    return found;
  }

  record StoredRequest(Doge maxBid, BidAnswer answer) {}

  record AcceptedBid(
      long sequence,
      String bidderId,
      String alias,
      Doge maxBid,
      Doge priceAfter,
      String leaderAfter,
      Instant placedAt) {}

  /** Writes a batch's outcome: its accepted bids, every new answer, and the auction's new state. */
  void saveBatch(
      Auction auction, List<AcceptedBid> accepted, List<Map.Entry<BidRequest, BidAnswer>> answers) {
    String listingId = auction.terms().listingId();
    jdbc.batchUpdate(
        """
        INSERT INTO bids (listing_id, sequence, bidder_id, bidder_alias, max_bid, price_after, leader_after, placed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        accepted,
        accepted.size(),
        (ps, b) -> {
          ps.setString(1, listingId);
          ps.setLong(2, b.sequence());
          ps.setString(3, b.bidderId());
          ps.setString(4, b.alias());
          ps.setLong(5, b.maxBid().koinu());
          ps.setLong(6, b.priceAfter().koinu());
          ps.setString(7, b.leaderAfter());
          ps.setTimestamp(8, Timestamp.from(b.placedAt()));
        });
    jdbc.batchUpdate(
        """
        INSERT INTO bid_requests (listing_id, bidder_id, idempotency_key, max_bid, answer)
        VALUES (?, ?, ?, ?, ?::jsonb)""",
        answers,
        answers.size(),
        (ps, e) -> {
          ps.setString(1, listingId);
          ps.setString(2, e.getKey().bidderId());
          ps.setString(3, e.getKey().idempotencyKey());
          ps.setLong(4, e.getKey().maxBid().koinu());
          ps.setString(5, json.writeValueAsString(e.getValue()));
        });
    save(auction);
  }

  void save(Auction auction) {
    jdbc.update(
        """
        UPDATE auctions SET status = ?, leader_id = ?, leader_max = ?, current_price = ?, bid_count = ?,
          last_sequence = ?, ends_at = ?, winner_id = ? WHERE listing_id = ?""",
        auction.status().name(),
        auction.leaderId().orElse(null),
        auction.leaderMax().map(Doge::koinu).orElse(null),
        auction.currentPrice().koinu(),
        auction.bidCount(),
        auction.lastSequence(),
        Timestamp.from(auction.endsAt()),
        auction.winnerId().orElse(null),
        auction.terms().listingId());
  }

  /** The public bid history, newest first. */
  public List<PublicBid> history(String listingId, int limit) {
    return jdbc.query(
        """
        SELECT sequence, bidder_alias, price_after, placed_at FROM bids WHERE listing_id = ?
        ORDER BY sequence DESC LIMIT ?""",
        (rs, i) ->
            new PublicBid(
                rs.getLong(1),
                rs.getString(2),
                Doge.ofKoinu(rs.getLong(3)),
                rs.getTimestamp(4).toInstant()),
        listingId,
        limit);
  }

  /** The alias a bidder bid under most recently on this auction. */
  public String aliasOf(String listingId, String bidderId) {
    return jdbc
        .query(
            "SELECT bidder_alias FROM bids WHERE listing_id = ? AND bidder_id = ? ORDER BY sequence DESC LIMIT 1",
            (rs, i) -> rs.getString(1),
            listingId,
            bidderId)
        .stream()
        .findFirst()
        .orElse(BidderAlias.of(null));
  }

  public record PublicBid(long sequence, String bidder, Doge priceAfter, Instant placedAt) {}

  private Auction restore(ResultSet rs, int row) throws SQLException {
    AuctionTerms terms =
        new AuctionTerms(
            rs.getString("listing_id"),
            rs.getString("seller_id"),
            Doge.ofKoinu(rs.getLong("start_price")),
            koinu(rs, "reserve_price"),
            koinu(rs, "buy_it_now_price"),
            rs.getTimestamp("starts_at").toInstant(),
            rs.getTimestamp("original_ends_at").toInstant());
    return Auction.restore(
        terms,
        rules,
        Auction.Status.valueOf(rs.getString("status")),
        rs.getString("leader_id"),
        koinu(rs, "leader_max").orElse(null),
        Doge.ofKoinu(rs.getLong("current_price")),
        rs.getInt("bid_count"),
        rs.getLong("last_sequence"),
        rs.getTimestamp("ends_at").toInstant(),
        rs.getString("winner_id"));
  }

  private static Optional<Doge> koinu(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Doge.ofKoinu(value));
  }

  /** Notes bidders whose hold is about to change, before the wallet is asked. */
  void markHoldsUnsettled(String listingId, Collection<String> bidders) {
    if (bidders.isEmpty()) {
      return;
    }
    List<String> list = List.copyOf(bidders);
    jdbc.batchUpdate(
        "INSERT INTO hold_sync (listing_id, bidder_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        list,
        list.size(),
        (ps, bidder) -> {
          ps.setString(1, listingId);
          ps.setString(2, bidder);
        });
  }

  /** The wallet confirmed these bidders' holds. */
  void forgetSettledHolds(String listingId, Collection<String> bidders) {
    if (bidders.isEmpty()) {
      return;
    }
    jdbc.update(
        "DELETE FROM hold_sync WHERE listing_id = ? AND bidder_id = ANY (?)",
        listingId,
        bidders.toArray(String[]::new));
  }

  /** Bidders whose holds have been unsettled since before {@code cutoff}, by auction. */
  Map<String, java.util.Set<String>> unsettledHoldsSince(Instant cutoff, int limit) {
    Map<String, java.util.Set<String>> out = new java.util.LinkedHashMap<>();
    jdbc.query(
        "SELECT listing_id, bidder_id FROM hold_sync WHERE since < ? ORDER BY since LIMIT ?",
        rs -> {
          out.computeIfAbsent(rs.getString(1), k -> new java.util.LinkedHashSet<>())
              .add(rs.getString(2));
        },
        Timestamp.from(cutoff),
        limit);
    return out;
  }

  /** The highest maximum the bidder bid on this auction. */
  public Optional<Doge> highestMaxOf(String listingId, String bidderId) {
    Long max =
        jdbc.queryForObject(
            "SELECT max(max_bid) FROM bids WHERE listing_id = ? AND bidder_id = ?",
            Long.class,
            listingId,
            bidderId);
    return Optional.ofNullable(max).map(Doge::ofKoinu);
  }

  /**
   * One row per auction the user bid on.
   *
   * @param status {@code leading}, {@code outbid}, {@code won} or {@code lost}
   */
  public record MyBid(
      String listingId,
      String status,
      Doge myMaxBid,
      Doge currentPrice,
      int bidCount,
      Instant endsAt,
      Instant lastBidAt) {}

  public List<MyBid> myBids(String userId, int limit) {
    return jdbc.query(
        """
        SELECT a.listing_id, a.status, a.leader_id, a.winner_id, a.current_price, a.bid_count, a.ends_at,
          m.my_max, m.last_at
        FROM (SELECT listing_id, max(max_bid) AS my_max, max(placed_at) AS last_at FROM bids
              WHERE bidder_id = ? GROUP BY listing_id) m
        JOIN auctions a ON a.listing_id = m.listing_id
        ORDER BY (a.status = 'ACTIVE') DESC, a.ends_at DESC, a.listing_id LIMIT ?""",
        (rs, i) -> {
          boolean active = "ACTIVE".equals(rs.getString("status"));
          String status =
              active
                  ? (userId.equals(rs.getString("leader_id")) ? "leading" : "outbid")
                  : (userId.equals(rs.getString("winner_id")) ? "won" : "lost");
          return new MyBid(
              rs.getString("listing_id"),
              status,
              Doge.ofKoinu(rs.getLong("my_max")),
              Doge.ofKoinu(rs.getLong("current_price")),
              rs.getInt("bid_count"),
              rs.getTimestamp("ends_at").toInstant(),
              rs.getTimestamp("last_at").toInstant());
        },
        userId,
        limit);
  }
}
