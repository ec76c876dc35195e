package com.dbay.search.listings;

import com.dbay.search.SearchProperties;
import com.dbay.search.indexing.IndexNames;
import com.dbay.search.indexing.OpenSearchHttp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps {@link TitleSuggestions} in step with the live listings index, by reading it rather than
 * the event bus: every instance sees the same titles OpenSearch has, whatever wrote them (the
 * indexer, a rebuild, {@code ./dbay reindex}), and no instance needs a bus subscription of its own.
 *
 * <p>The index has one shard, so {@code _seq_no} orders every write: each poll asks for the
 * documents written after a watermark, sorted by it. The watermark trails the newest sequence
 * number seen by {@link SearchProperties#suggestOverlap()}, because writes still being indexed or
 * awaiting a refresh may carry lower numbers than one already visible. A change of the index behind
 * the alias (a rebuild's swap, a deleted and re-created index) and a timer trigger a full reload;
 * the timer also covers documents deleted by hand, which a sequence number never shows.
 */
public class TitleSuggestionFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TitleSuggestionFeed.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int PAGE = 2_000;

  /** Writes that may still be in flight behind the newest visible one when a full load ends. */
  private static final int IN_FLIGHT = 1_000;

  private record Seen(long atMillis, long seqNo) {}

  private final OpenSearchHttp opensearch;
  private final IndexNames names;
  private final TitleSuggestions titles;
  private final Clock clock;
  private final Duration interval;
  private final Duration overlap;
  private final Duration fullReload;

  private ScheduledExecutorService timer;
  private volatile boolean ready;
  private String loadedIndex;
  private long loadedAtMillis;
  private long newestSeqNo = -1;
  private final Deque<Seen> history = new ArrayDeque<>();

  public TitleSuggestionFeed(
      OpenSearchHttp opensearch,
      IndexNames names,
      TitleSuggestions titles,
      Clock clock,
      SearchProperties properties) {
    this.opensearch = opensearch;
    this.names = names;
    this.titles = titles;
    this.clock = clock;
    this.interval = properties.suggestRefresh();
    this.overlap = properties.suggestOverlap();
    this.fullReload = properties.suggestFullReload();
  }

  /** Whether the titles have been loaded once, so that memory can answer for the index. */
  public boolean ready() {
    return ready;
  }

  /**
   * One poll: a full load when due, else the documents written since the watermark. The timer calls
   * it; a test calls it to see what it just indexed without waiting for the timer.
   */
  public synchronized void poll() {
    String index = liveIndex();
    if (index == null) {
      titles.replaceAll(Map.of()); // no index yet: nothing to suggest
      loadedIndex = null;
      ready = true;
      return;
    }
    long now = clock.millis();
    if (!index.equals(loadedIndex) || now - loadedAtMillis >= fullReload.toMillis()) {
      Map<String, String> visible = new HashMap<>();
      long newest = read(-1, (id, title) -> visible.put(id, title));
      titles.replaceAll(visible);
      log.info("suggestions loaded: {} visible titles of {}", visible.size(), index);
      loadedIndex = index;
      loadedAtMillis = now;
      history.clear();
      newestSeqNo = newest;
      history.add(new Seen(now, newest));
      ready = true;
      return;
    }
    long watermark = watermark(now);
    long newest = read(watermark, titles::put);
    newestSeqNo = Math.max(newestSeqNo, newest);
    history.add(new Seen(now, newestSeqNo));
  }

  /**
   * The newest sequence number seen at least {@code overlap} ago: every write numbered up to it is
   * visible by now. Right after a full load nothing is that old, and the load's newest number less
   * {@link #IN_FLIGHT} stands in.
   */
  private long watermark(long now) {
    while (history.size() > 1 && now - secondOf(history).atMillis() >= overlap.toMillis()) {
      history.removeFirst();
    }
    Seen oldest = history.peekFirst();
    return now - oldest.atMillis() >= overlap.toMillis()
        ? oldest.seqNo()
        : Math.max(-1, oldest.seqNo() - IN_FLIGHT);
  }

  private static Seen secondOf(Deque<Seen> history) {
    Iterator<Seen> it = history.iterator();
    it.next();
    return it.next();
  }

  /**
   * Reads every listing document with a sequence number above {@code after}, oldest write first,
   * handing each one's title (null when not visible) to {@code sink}; returns the newest number.
   */
  private long read(long after, java.util.function.BiConsumer<String, String> sink) {
    long newest = after;
    JsonNode searchAfter = null;
    while (true) {
      ObjectNode body = NODES.objectNode();
      body.put("size", PAGE);
      body.put("seq_no_primary_term", true);
      body.put("track_total_hits", false);
      body.putArray("_source").add("listingId").add("title").add("visible");
      body.putObject("query").putObject("range").putObject("_seq_no").put("gt", after);
      body.putArray("sort").addObject().put("_seq_no", "asc");
      if (searchAfter != null) {
        body.set("search_after", searchAfter);
      }
      OpenSearchHttp.Reply reply =
          opensearch.send("POST", names.listings() + "/_search", body).orThrow("suggestion feed");
      JsonNode hits = reply.body().path("hits").path("hits");
      for (JsonNode hit : hits) {
        JsonNode source = hit.path("_source");
        String id = source.path("listingId").asString(hit.path("_id").asString());
        boolean visible = source.path("visible").asBoolean(false);
        sink.accept(id, visible ? source.path("title").asString(null) : null);
        newest = Math.max(newest, hit.path("_seq_no").asLong());
      }
      if (hits.size() < PAGE) {
        return newest;
      }
      ArrayNode sort = (ArrayNode) hits.get(hits.size() - 1).path("sort");
      searchAfter = sort;
    }
  }

  /** The concrete index (name and uuid) behind the read alias, or null when there is none. */
  private String liveIndex() {
    OpenSearchHttp.Reply reply =
        opensearch.send("GET", names.listings() + "/_settings/index.uuid", null);
    if (reply.status() == 404) {
      return null;
    }
    reply.orThrow("suggestion feed: index settings");
    Iterator<Map.Entry<String, JsonNode>> indices = reply.body().properties().iterator();
    if (!indices.hasNext()) {
      return null;
    }
    Map.Entry<String, JsonNode> first = indices.next();
    return first.getKey()
        + "/"
        + first.getValue().path("settings").path("index").path("uuid").asString("");
  }

  private void safePoll() {
    try {
      poll();
    } catch (RuntimeException e) {
      // OpenSearch away or restarting: memory keeps answering with what it has; the next poll
      // catches up.
      log.warn("suggestion feed: {}", e.getMessage());
    }
  }

  @Override
  public void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "suggestion-feed");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::safePoll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }
}
