package com.dbay.search.index;

import com.dbay.platform.problem.DomainException;
import com.dbay.search.indexing.IndexNames;
import com.dbay.search.indexing.ListingIndexer;
import com.dbay.search.indexing.OpenSearchHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rebuilds the listings index from scratch without downtime: a new index joins the rebuild alias
 * (from then on live events reach it too), is filled from listing-service's snapshots with the
 * indexer's own versioned upserts (so a live event and a snapshot of the same listing settle on the
 * newer one, whichever lands last), refreshed, and then takes over the read alias in one atomic
 * alias action that also drops the old indices. Searches answer from the old index until that
 * instant.
 */
@Service
public class IndexRebuild {

  private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

  public record Report(String index, long listings, List<String> replaced, long millis) {}

  private final ListingIndexer indexer;
  private final OpenSearchHttp opensearch;
  private final ListingSnapshots snapshots;
  private final int pageSize;
  private final AtomicBoolean running = new AtomicBoolean();

  public IndexRebuild(
      ListingIndexer indexer,
      OpenSearchHttp opensearch,
      ListingSnapshots snapshots,
      com.dbay.search.SearchProperties properties) {
    this.indexer = indexer;
    this.opensearch = opensearch;
    this.snapshots = snapshots;
    this.pageSize = properties.rebuildPageSize();
  }

  public Report rebuild() {
    if (!running.compareAndSet(false, true)) {
      throw DomainException.conflict("A rebuild of the search index is already running.");
    }
    try {
      return run();
    } finally {
      running.set(false);
    }
  }

  private Report run() {
    long started = System.nanoTime();
    IndexNames names = indexer.names();
    indexer.ensureIndices();
    List<String> previous = live(names);
    String index = names.newListingsIndex(Instant.now());
    ObjectNode body = ListingIndexer.listingsIndexBody();
    // No refreshes while filling: one at the end.
    ((ObjectNode) body.path("settings")).put("refresh_interval", "-1");
    body.putObject("aliases").putObject(names.building());
    opensearch.send("PUT", index, body).orThrow("create " + index);
    long count = 0;
    try {
      String after = null;
      do {
        ListingSnapshots.Page page = snapshots.page(after, pageSize);
        indexer.bulk(index, page.items());
        count += page.items().size();
        after = page.nextCursor();
      } while (after != null);
      opensearch
          .send(
              "PUT",
              index + "/_settings",
              Map.of(
                  "index",
                  Map.of(
                      "refresh_interval",
                      ListingIndexer.listingsIndexBody()
                          .path("settings")
                          .path("refresh_interval")
                          .asString())))
          .orThrow("settings of " + index);
      opensearch.send("POST", index + "/_refresh", null).orThrow("refresh " + index);
      opensearch
          .send("POST", "_aliases", swap(names, index, previous))
          .orThrow("alias swap to " + index);
    } catch (RuntimeException e) {
      opensearch.send("DELETE", index, null);
      if (e instanceof java.io.UncheckedIOException
          || e instanceof ListingSnapshots.SnapshotsUnavailable) {
        throw new DomainException(
            DomainException.Kind.UNAVAILABLE,
            "service-unavailable",
            "listing-service's snapshots could not be read ("
                + e.getMessage()
                + "); the current index still serves searches.");
      }
      throw e;
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    log.info(
        "search index rebuilt: {} listings into {} in {} ms, replaced {}",
        count,
        index,
        millis,
        previous);
    return new Report(index, count, previous, millis);
  }

  private List<String> live(IndexNames names) {
    JsonNode reply = opensearch.send("GET", "_alias/" + names.listings(), null).body();
    List<String> indices = new ArrayList<>();
    if (reply.isObject() && !reply.has("error")) {
      reply.propertyNames().forEach(indices::add);
    }
    return indices;
  }

  private static ObjectNode swap(IndexNames names, String index, List<String> previous) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode body = nodes.objectNode();
    ArrayNode actions = body.putArray("actions");
    actions.addObject().putObject("add").put("index", index).put("alias", names.listings());
    actions.addObject().putObject("remove").put("index", index).put("alias", names.building());
    for (String old : previous) {
      actions.addObject().putObject("remove_index").put("index", old);
    }
    return body;
  }
}
