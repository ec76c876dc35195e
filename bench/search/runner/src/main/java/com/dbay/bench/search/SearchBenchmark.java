package com.dbay.bench.search;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.dbay.search.indexing.IndexNames;
import com.dbay.search.indexing.ListingIndexer;
import com.dbay.search.indexing.OpenSearchHttp;
import com.dbay.search.indexing.SavedSearchMatches;
import com.dbay.lambda.searchindexer.SearchIndexerHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ./dbay bench search. Loads the generated listings into an index of its own (prefix {@code bench-}) with
 * the indexer's bulk code, then, against a search-service started on that index:
 * <ol>
 *   <li>searches at a steady rate (open loop: latency counts from the planned send time, so a stall is not
 *   hidden), with OpenSearch's own {@code took} of each answered query beside it;</li>
 *   <li>suggestions at a steady rate;</li>
 *   <li>edit → visible: a {@code ListingChanged} event given to the search-indexer handler, then the service
 *   polled every 20 ms for the new word until the listing is found.</li>
 * </ol>
 */
public final class SearchBenchmark {

  private final Map<String, String> args = new HashMap<>();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();

  public static void main(String[] argv) throws Exception {
    int status = 0;
    try {
      new SearchBenchmark(argv).run();
    } catch (Exception e) {
      e.printStackTrace();
      status = 1;
    }
    // Leftover pool threads must not keep a failed run alive (run's trap stops the service when this exits).
    System.exit(status);
  }

  private SearchBenchmark(String[] argv) {
    for (String a : argv) {
      if (a.startsWith("--") && a.contains("=")) {
        args.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      } else if (a.startsWith("--")) {
        args.put(a.substring(2), "true");
      }
    }
  }

  private int intArg(String name, int fallback) {
    return Integer.parseInt(args.getOrDefault(name, Integer.toString(fallback)));
  }

  private void run() throws Exception {
    int listings = intArg("listings", 100_000);
    int searchRate = intArg("search-rate", 20);
    int searchSeconds = intArg("search-seconds", 60);
    int suggestRate = intArg("suggest-rate", 20);
    int suggestSeconds = intArg("suggest-seconds", 30);
    int edits = intArg("edits", 20);
    int warmup = intArg("warmup", 3000);
    String service = args.getOrDefault("service", "http://127.0.0.1:18911");
    OpenSearchHttp opensearch = new OpenSearchHttp(URI.create(args.getOrDefault("opensearch", "http://127.0.0.1:9200")),
        Duration.ofMinutes(5));
    IndexNames names = new IndexNames(args.getOrDefault("prefix", "bench-"));
    ListingIndexer indexer = new ListingIndexer(opensearch, names, SavedSearchMatches.NONE);

    String loadAtStart = loadAverage();
    System.out.printf("machine: %d cores, load average at start %s%n", Runtime.getRuntime().availableProcessors(), loadAtStart);
    Catalogue catalogue = new Catalogue(42, Instant.now());
    List<ObjectNode> editable = new ArrayList<>();
    load(opensearch, indexer, names, catalogue, listings, editable);

    List<String> queries = catalogue.queries(Math.max(500, searchRate * searchSeconds));
    List<String> prefixes = catalogue.prefixes(Math.max(500, suggestRate * suggestSeconds));
    // Warm-up (not measured): JIT, OpenSearch caches, connections. Steady state is the figure asked
    // for: with a few hundred requests the C2 compiler was still compiling the service's hot paths on
    // the 2 cores during the measured phases.
    for (int i = 0; i < warmup; i++) {
      get(service + "/api/v1/search/listings?" + queries.get(queries.size() - 1 - i % 200));
      get(service + "/api/v1/search/suggest?q=" + enc(prefixes.get(prefixes.size() - 1 - i % 200)));
    }

    Phase search = steady("search", searchRate, searchSeconds, i -> service + "/api/v1/search/listings?" + queries.get(i % queries.size()), true);
    Phase suggest = steady("suggest", suggestRate, suggestSeconds,
        i -> service + "/api/v1/search/suggest?q=" + enc(prefixes.get(i % prefixes.size())), false);
    Histogram visible = editToVisible(service, indexer, editable, edits);

    System.out.println();
    System.out.printf("listings in the index: %d (%s)%n", count(opensearch, names), names.listings());
    System.out.printf("search through search-service, %d/s for %d s: %s%n", searchRate, searchSeconds, search.summary());
    System.out.printf("  answered by OpenSearch (cache misses): service %s%n", line(search.misses));
    System.out.printf("  OpenSearch's own took, same queries:     %s%n", line(search.took));
    double ratio = search.misses.getValueAtPercentile(95) / (double) Math.max(1, search.took.getValueAtPercentile(95));
    System.out.printf("  p95 service / p95 took = %.2f (took is whole ms as OpenSearch reports it)%n", ratio);
    System.out.printf("suggest through search-service, %d/s for %d s: %s%n", suggestRate, suggestSeconds, suggest.summary());
    System.out.printf("  cache misses only: %s%n", line(suggest.misses));
    System.out.printf("edit -> visible in search (%d edits, handler call to first answer containing it): %s%n", edits, line(visible));
    System.out.println();
    long searchP95 = search.all.getValueAtPercentile(95);
    System.out.printf("goal search p95 <= 50 ms: %s (%.2f ms)%n", searchP95 <= 50_000 ? "met" : "MISSED", searchP95 / 1000.0);
    System.out.printf("goal search p95 <= 1.5 x OpenSearch's took p95 (misses): %s (%.2f)%n", ratio <= 1.5 ? "met" : "MISSED", ratio);
    long suggestP95 = suggest.all.getValueAtPercentile(95);
    System.out.printf("goal autocomplete p95 <= 10 ms: %s (%.2f ms)%n", suggestP95 <= 10_000 ? "met" : "MISSED", suggestP95 / 1000.0);
    long visibleP95 = visible.getValueAtPercentile(95);
    System.out.printf("goal edit -> visible p95 <= 2 s: %s (p95 %.0f ms, max %.0f ms, p50 %.0f ms)%n", visibleP95 <= 2_000_000 ? "met" : "MISSED",
        visibleP95 / 1000.0, visible.getMaxValue() / 1000.0, visible.getValueAtPercentile(50) / 1000.0);
    System.out.printf("load average at end %s%n", loadAverage());
    table(search, suggest, visible, searchRate, suggestRate, edits, loadAtStart);
  }

  /** The figures once more as one table, ratios to OpenSearch's own took beside them. */
  private static void table(Phase search, Phase suggest, Histogram visible, int searchRate, int suggestRate, int edits,
      String loadAtStart) {
    System.out.println();
    System.out.printf("load average (1/5/15 min) at start %s, at end %s, %d cores%n", loadAtStart, loadAverage(),
        Runtime.getRuntime().availableProcessors());
    String rule = "+--------------------------------------------+------------+------------+------------+-------+----------------------+--------+";
    System.out.println(rule);
    System.out.printf("| %-42s | %10s | %10s | %10s | %5s | %-20s | %-6s |%n", "measure", "p50", "p95", "p99", "n", "goal", "result");
    System.out.println(rule);
    row("search, all requests (" + searchRate + "/s, open loop)", search.all, "p95 <= 50 ms", 50_000);
    row("search, answered by OpenSearch", search.misses, "", -1);
    row("OpenSearch's own took, same queries", search.took, "(baseline)", -1);
    double[] ratio = new double[3];
    double[] pct = {50, 95, 99};
    for (int i = 0; i < 3; i++) {
      ratio[i] = search.misses.getValueAtPercentile(pct[i]) / (double) Math.max(1, search.took.getValueAtPercentile(pct[i]));
    }
    System.out.printf("| %-42s | %9.2fx | %9.2fx | %9.2fx | %5s | %-20s | %-6s |%n", "  ratio service / took", ratio[0], ratio[1], ratio[2],
        "", "p95 <= 1.5x", ratio[1] <= 1.5 ? "met" : "MISSED");
    row("autocomplete, all requests (" + suggestRate + "/s)", suggest.all, "p95 <= 10 ms", 10_000);
    row("autocomplete, cache misses", suggest.misses, "", -1);
    row("edit -> visible in search (" + edits + " edits)", visible, "p95 <= 2 s", 2_000_000);
    System.out.println(rule);
  }

  private static void row(String name, Histogram h, String goal, long goalMicros) {
    if (h.getTotalCount() == 0) {
      System.out.printf("| %-42s | %10s | %10s | %10s | %5d | %-20s | %-6s |%n", name, "-", "-", "-", 0, goal, "");
      return;
    }
    long p95 = h.getValueAtPercentile(95);
    System.out.printf("| %-42s | %7.1f ms | %7.1f ms | %7.1f ms | %5d | %-20s | %-6s |%n", name, h.getValueAtPercentile(50) / 1000.0,
        p95 / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getTotalCount(), goal,
        goalMicros < 0 ? "" : p95 <= goalMicros ? "met" : "MISSED");
  }

  private void load(OpenSearchHttp opensearch, ListingIndexer indexer, IndexNames names, Catalogue catalogue, int listings,
      List<ObjectNode> editable) throws Exception {
    boolean reuse = args.containsKey("reuse") && count(opensearch, names) == listings;
    List<ObjectNode> batch = new ArrayList<>();
    String index = null;
    long started = System.nanoTime();
    if (!reuse) {
      opensearch.send("DELETE", names.prefix() + "*", null);
      index = names.newListingsIndex(Instant.now());
      ObjectNode body = ListingIndexer.listingsIndexBody();
      ((ObjectNode) body.path("settings")).put("refresh_interval", "-1");
      body.putObject("aliases").putObject(names.listings());
      opensearch.send("PUT", index, body).orThrow("create " + index);
    }
    ExecutorService writers = Executors.newFixedThreadPool(2);
    List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
    for (int n = 0; n < listings; n++) {
      ObjectNode listing = catalogue.listing(n);
      if (n < 200) {
        editable.add(listing);
      }
      if (reuse) {
        continue;
      }
      batch.add(listing);
      if (batch.size() == 500 || n == listings - 1) {
        List<ObjectNode> chunk = batch;
        String target = index;
        pending.add(writers.submit(() -> indexer.bulk(target, chunk)));
        batch = new ArrayList<>();
        if (pending.size() >= 4) {
          pending.remove(0).get();
        }
      }
    }
    for (var f : pending) {
      f.get();
    }
    writers.shutdown();
    if (!reuse) {
      // Back to the live indices' own refresh interval, so edit -> visible measures what the stack does.
      String refresh = ListingIndexer.listingsIndexBody().path("settings").path("refresh_interval").asString();
      opensearch.send("PUT", index + "/_settings", Map.of("index", Map.of("refresh_interval", refresh))).orThrow("settings");
      opensearch.send("POST", index + "/_refresh", null).orThrow("refresh");
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("loaded %d generated listings into %s in %.1f s (%.0f/s, the rebuild's scripted bulk upserts)%n", listings, index,
          seconds, listings / seconds);
    } else {
      System.out.printf("reusing the %d listings already in %s%n", listings, names.listings());
    }
  }

  private static long count(OpenSearchHttp opensearch, IndexNames names) {
    OpenSearchHttp.Reply reply = opensearch.send("GET", names.listings() + "/_count", null);
    return reply.ok() ? reply.body().path("count").asLong() : -1;
  }

  /** Latencies of one steady-rate phase, in microseconds. */
  private static final class Phase {
    final Histogram all = new Histogram(60_000_000L, 3);
    final Histogram misses = new Histogram(60_000_000L, 3);
    final Histogram took = new Histogram(60_000_000L, 3);
    long hits;
    long errors;
    long late;

    String summary() {
      return line(all) + String.format(", %d requests, %d from cache, %d errors", all.getTotalCount(), hits, errors);
    }
  }

  private Phase steady(String name, int rate, int seconds, java.util.function.IntFunction<String> url, boolean tookToo) throws Exception {
    Phase phase = new Phase();
    Recorder all = new Recorder(3);
    Recorder misses = new Recorder(3);
    Recorder took = new Recorder(3);
    AtomicLong hits = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    int total = rate * seconds;
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < total; i++) {
        long planned = start + i * intervalNanos;
        long wait = planned - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        String target = url.apply(i);
        pool.submit(() -> {
          try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - planned) / 1000;
            if (response.statusCode() != 200) {
              errors.incrementAndGet();
              return;
            }
            all.recordValue(micros);
            boolean hit = "hit".equals(response.headers().firstValue("X-Cache").orElse(""));
            if (hit) {
              hits.incrementAndGet();
            } else {
              misses.recordValue(micros);
              if (tookToo) {
                JsonNode body = OpenSearchHttp.JSON.readTree(response.body());
                took.recordValue(body.path("took").asLong() * 1000);
              }
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
        });
      }
    }
    phase.all.add(all.getIntervalHistogram());
    phase.misses.add(misses.getIntervalHistogram());
    phase.took.add(took.getIntervalHistogram());
    phase.hits = hits.get();
    phase.errors = errors.get();
    System.out.printf("%s phase done: %s%n", name, phase.summary());
    return phase;
  }

  private Histogram editToVisible(String service, ListingIndexer indexer, List<ObjectNode> editable, int edits) throws Exception {
    SearchIndexerHandler handler = new SearchIndexerHandler(indexer);
    Histogram visible = new Histogram(60_000_000L, 3);
    Random random = new Random(7);
    for (int i = 0; i < edits; i++) {
      ObjectNode listing = editable.get(random.nextInt(editable.size())).deepCopy();
      StringBuilder word = new StringBuilder("qx");
      for (int k = 0; k < 8; k++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      listing.put("title", listing.path("title").asString() + " " + word);
      listing.put("version", System.currentTimeMillis());
      ScheduledEvent event = new ScheduledEvent();
      event.setId("bench-edit-" + i + "-" + word);
      event.setSource("dbay.listing");
      event.setDetailType("ListingChanged");
      @SuppressWarnings("unchecked")
      Map<String, Object> detail = OpenSearchHttp.JSON.convertValue(listing, Map.class);
      event.setDetail(detail);
      String url = service + "/api/v1/search/listings?q=" + word;
      long t0 = System.nanoTime();
      handler.handleRequest(event, null);
      long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
      boolean found = false;
      while (System.nanoTime() < deadline) {
        HttpResponse<String> r = get(url);
        if (r.statusCode() == 200 && r.body().contains(listing.path("listingId").asString() + "\"")) {
          found = true;
          break;
        }
        Thread.sleep(20);
      }
      visible.recordValue(found ? (System.nanoTime() - t0) / 1000 : TimeUnit.SECONDS.toMicros(10));
      Thread.sleep(200);
    }
    return visible;
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static String line(Histogram h) {
    if (h.getTotalCount() == 0) {
      return "no samples";
    }
    return String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)", h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, h.getTotalCount());
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
