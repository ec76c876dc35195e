package com.dbay.auction.live;

import com.dbay.auction.bidding.Auction;
import com.dbay.auction.bidding.AuctionEvents.AuctionEnded;
import com.dbay.auction.bidding.AuctionEvents.AuctionEvent;
import com.dbay.auction.bidding.AuctionEvents.AuctionExtended;
import com.dbay.auction.bidding.AuctionEvents.AuctionSold;
import com.dbay.auction.bidding.AuctionEvents.AuctionUnsold;
import com.dbay.auction.bidding.AuctionEvents.BidPlaced;
import com.dbay.auction.bidding.AuctionRules;
import com.dbay.auction.bidding.AuctionTerms;
import com.dbay.auction.bidding.AuctionUpdates;
import com.dbay.auction.bidding.Auctions;
import com.dbay.auction.bidding.CurrentAuctions;
import com.dbay.platform.money.Doge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hot state of each auction in Redis and its real-time frames.
 *
 * <p>After every commit of an auction's lane one Redis script writes the auction's whole state
 * (versioned by its sequence, so an older write never replaces a newer one) and publishes the
 * frames on {@code dbay:ws:auction:<id>} and {@code dbay:ws:user:<userId>}, atomically and in one
 * round trip. Readers are served from Redis; when the state is missing (evicted, expired, Redis
 * flushed) it is read from PostgreSQL, which stays the truth, and put back.
 *
 * <p>The frames carry state, not history: of the bids committed together only the last one's {@code
 * bid.placed} goes out (its {@code bidCount} and price include the others), and every bidder who
 * lost the lead in that commit and does not hold it at its end gets one {@code bid.outbid}. So a
 * hot auction costs the watchers one frame per commit, not one per bid. Extensions and the end
 * always go out.
 */
@Service
public class LiveAuctions implements AuctionUpdates, CurrentAuctions {

  static final String KEY_PREFIX = "dbay:auction:hot:";
  static final String CHANNEL_PREFIX = "dbay:ws:";
  private static final Duration TTL = Duration.ofDays(2);
  private static final int MAX_REMEMBERED_LEADERS = 100_000;
  private static final Logger log = LoggerFactory.getLogger(LiveAuctions.class);

  /** What the hot state holds: enough to restore the aggregate for a reader, plus the alias. */
  record HotState(
      String listingId,
      String sellerId,
      long startPrice,
      Long reserve,
      Long buyItNow,
      Instant startsAt,
      Instant originalEndsAt,
      String status,
      String leaderId,
      Long leaderMax,
      String leaderAlias,
      long currentPrice,
      int bidCount,
      long lastSequence,
      Instant endsAt,
      String winnerId) {}

  private final StringRedisTemplate redis;
  private final JsonMapper json;
  private final Auctions auctions;
  private final AuctionRules rules;
  private final Clock clock;
  private final RedisScript<Long> commitScript =
      RedisScript.of(new ClassPathResource("live/commit.lua"), Long.class);

  /**
   * Auctions whose commit could not reach Redis and whose stale state could not be dropped either:
   * read from PostgreSQL (and written back) until a write succeeds.
   */
  private final Set<String> stale = ConcurrentHashMap.newKeySet();

  /** The leader and their alias per auction, so a commit the leader had no bid in needs no read. */
  private final Map<String, String[]> leaders = new ConcurrentHashMap<>();

  public LiveAuctions(
      StringRedisTemplate redis,
      JsonMapper json,
      Auctions auctions,
      AuctionRules rules,
      Clock clock) {
    this.redis = redis;
    this.json = json;
    this.auctions = auctions;
    this.rules = rules;
    this.clock = clock;
  }

  /** The auction from its hot state, rebuilt from PostgreSQL when Redis has none. */
  @Override
  public Optional<Current> find(String listingId) {
    if (stale.contains(listingId)) {
      return fromDatabase(listingId, true);
    }
    try {
      Object stored = redis.opsForHash().get(KEY_PREFIX + listingId, "s");
      if (stored != null) {
        return Optional.of(restore(json.readValue(stored.toString(), HotState.class)));
      }
    } catch (RuntimeException e) {
      log.warn("hot state of auction {} unreadable; reading PostgreSQL", listingId, e);
      return fromDatabase(listingId, false);
    }
    return fromDatabase(listingId, true);
  }

  private Optional<Current> fromDatabase(String listingId, boolean putBack) {
    Optional<Auction> found = auctions.find(listingId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Auction auction = found.get();
    String alias = auction.leaderId().map(l -> aliasOf(listingId, l, Map.of())).orElse(null);
    if (putBack) {
      try {
        // A stale key is replaced ('commit' keeps only what is not older); a missing one filled.
        write(auction, alias, stale.contains(listingId) ? "commit" : "rebuild", List.of());
        stale.remove(listingId);
      } catch (RuntimeException e) {
        log.warn("could not put back the hot state of auction {}", listingId, e);
      }
    }
    return Optional.of(new Current(auction, alias));
  }

  @Override
  public void committed(Auction auction, List<AuctionEvent> events, Map<String, String> aliases) {
    String listingId = auction.terms().listingId();
    try {
      String leaderAlias = auction.leaderId().map(l -> aliasOf(listingId, l, aliases)).orElse(null);
      write(auction, leaderAlias, "commit", frames(auction, leaderAlias, events, aliases));
      stale.remove(listingId);
    } catch (RuntimeException e) {
      // The bids are durable; a reader rebuilds from PostgreSQL once the stale state is gone.
      log.warn("hot state or frames of auction {} not written", listingId, e);
      try {
        redis.delete(KEY_PREFIX + listingId);
      } catch (RuntimeException again) {
        stale.add(listingId);
        log.warn("could not drop the hot state of auction {}", listingId, again);
      }
    }
  }

  private void write(Auction a, String leaderAlias, String mode, List<String> frames) {
    AuctionTerms t = a.terms();
    HotState state =
        new HotState(
            t.listingId(),
            t.sellerId(),
            t.startPrice().koinu(),
            t.reserve().map(Doge::koinu).orElse(null),
            t.buyItNow().map(Doge::koinu).orElse(null),
            t.startsAt(),
            t.endsAt(),
            a.status().name(),
            a.leaderId().orElse(null),
            a.leaderMax().map(Doge::koinu).orElse(null),
            leaderAlias,
            a.currentPrice().koinu(),
            a.bidCount(),
            a.lastSequence(),
            a.endsAt(),
            a.winnerId().orElse(null));
    long version = 2 * a.lastSequence() + (a.status() == Auction.Status.ENDED ? 1 : 0);
    List<String> args = new ArrayList<>(4 + frames.size());
    args.add(Long.toString(version));
    args.add(json.writeValueAsString(state));
    args.add(Long.toString(TTL.toSeconds()));
    args.add(mode);
    args.addAll(frames);
    redis.execute(commitScript, List.of(KEY_PREFIX + t.listingId()), args.toArray());
  }

  private Current restore(HotState s) {
    AuctionTerms terms =
        new AuctionTerms(
            s.listingId(),
            s.sellerId(),
            Doge.ofKoinu(s.startPrice()),
            Optional.ofNullable(s.reserve()).map(Doge::ofKoinu),
            Optional.ofNullable(s.buyItNow()).map(Doge::ofKoinu),
            s.startsAt(),
            s.originalEndsAt());
    Auction auction =
        Auction.restore(
            terms,
            rules,
            Auction.Status.valueOf(s.status()),
            s.leaderId(),
            s.leaderMax() == null ? null : Doge.ofKoinu(s.leaderMax()),
            Doge.ofKoinu(s.currentPrice()),
            s.bidCount(),
            s.lastSequence(),
            s.endsAt(),
            s.winnerId());
    return new Current(auction, s.leaderAlias());
  }

  /** Channel and frame pairs, in the order they are to be published. */
  private List<String> frames(
      Auction auction, String leaderAlias, List<AuctionEvent> events, Map<String, String> aliases) {
    String listingId = auction.terms().listingId();
    String auctionChannel = CHANNEL_PREFIX + "auction:" + listingId;
    Instant serverTime = clock.instant();
    BidPlaced lastBid = null;
    for (AuctionEvent e : events) {
      if (e instanceof BidPlaced b) {
        lastBid = b;
      }
    }
    Set<String> outbid = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    for (AuctionEvent e : events) {
      switch (e) {
        case BidPlaced b -> {
          if (b.previousLeaderId() != null) {
            outbid.add(b.previousLeaderId());
          }
          if (b == lastBid) {
            ObjectNode data = json.createObjectNode();
            data.put("listingId", listingId);
            data.put("currentPrice", b.currentPrice().toString());
            data.put("minNextBid", b.minNextBid().toString());
            data.put("bidCount", b.bidCount());
            data.put("leaderAlias", aliasOf(listingId, b.leaderId(), aliases));
            data.put("endsAt", b.endsAt().toString());
            data.put("placedAt", b.placedAt().toString());
            data.put("serverTime", serverTime.toString());
            add(out, auctionChannel, "bid.placed", "auction:" + listingId, data);
          }
        }
        case AuctionExtended x -> {
          ObjectNode data = json.createObjectNode();
          data.put("listingId", listingId);
          data.put("previousEndsAt", x.previousEndsAt().toString());
          data.put("endsAt", x.endsAt().toString());
          data.put("reason", x.reason());
          add(out, auctionChannel, "auction.extended", "auction:" + listingId, data);
        }
        case AuctionEnded ended -> {
          // Always followed by AuctionSold or AuctionUnsold in the same commit: that one is the
          // frame, so watchers get one auction.ended.
        }
        case AuctionSold s -> {
          ObjectNode data = json.createObjectNode();
          data.put("listingId", listingId);
          data.put("status", "SOLD");
          data.put("finalPrice", s.finalPrice().toString());
          data.put("winnerAlias", aliasOf(listingId, s.winnerId(), aliases));
          add(out, auctionChannel, "auction.ended", "auction:" + listingId, data);
        }
        case AuctionUnsold u -> {
          ObjectNode data = json.createObjectNode();
          data.put("listingId", listingId);
          data.put("status", "UNSOLD");
          data.putNull("finalPrice");
          data.putNull("winnerAlias");
          add(out, auctionChannel, "auction.ended", "auction:" + listingId, data);
        }
      }
    }
    auction.leaderId().ifPresent(outbid::remove);
    for (String user : outbid) {
      ObjectNode data = json.createObjectNode();
      data.put("listingId", listingId);
      data.put("currentPrice", auction.currentPrice().toString());
      data.put("minNextBid", auction.minNextBid().toString());
      add(out, CHANNEL_PREFIX + "user:" + user, "bid.outbid", "user", data);
    }
    if (leaderAlias == null) {
      leaders.remove(listingId);
    }
    return out;
  }

  private void add(
      List<String> out, String redisChannel, String type, String channel, ObjectNode data) {
    ObjectNode frame = json.createObjectNode();
    frame.put("type", type);
    frame.put("channel", channel);
    frame.set("data", data);
    out.add(redisChannel);
    out.add(json.writeValueAsString(frame));
  }

  /** A bidder's alias: from this commit, else remembered, else from the stored bids. */
  private String aliasOf(String listingId, String bidderId, Map<String, String> aliases) {
    String alias = aliases.get(bidderId);
    if (alias == null) {
      String[] known = leaders.get(listingId);
      alias =
          known != null && known[0].equals(bidderId)
              ? known[1]
              : auctions.aliasOf(listingId, bidderId);
    }
    if (leaders.size() > MAX_REMEMBERED_LEADERS) {
      leaders.clear();
    }
    leaders.put(listingId, new String[] {bidderId, alias});
    return alias;
  }
}
