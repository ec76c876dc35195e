import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.servicecall.ServiceCallSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The auction benchmark's load: bidders (platform threads, blocking HTTP/1.1) against one hot
 * auction or spread over many, direct to auction-service (with the gateway proof) or through the
 * gateway (bearer tokens); WebSocket watchers on the hot auction through the gateway, whose frames
 * give the bid-to-browser delay. Prints one line per figure; writes every acknowledged bid to a file
 * for the loss check against PostgreSQL.
 *
 * <p>Arguments: key=value (see main).
 */
public class AuctionBench {

  record Bidder(String id, String name, String token) {}

  static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");
  static final Pattern BID_COUNT = Pattern.compile("\"bidCount\":(\\d+)");
  static final Pattern MIN_NEXT = Pattern.compile("\"minNextBid\":\"([0-9.]+)\"");
  static final long START_PRICE = 100_000_000L;

  /**
   * The smallest bid each auction accepts as the bidders last saw it (from any answer, accepted or
   * refused): it only rises, so every bidder's maximum rises with the auction, as in a hot auction
   * where people bid against the price they see.
   */
  static final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> floors =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A hot auction's bid: three in four bidders bid at or just above the minimum they saw (up to 2%
   * more; most of them collide with each other, and all but the first of a batch fall below the
   * next minimum), one in four places a proxy maximum 5% to 25% above it (which later small bids
   * push up by proxy, each of them accepted).
   */
  static long nextMax(AtomicLong floor) {
    long f = floor.get();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long extra =
        random.nextInt(4) == 0
            ? f / 20 + random.nextLong(f / 5 + 1)
            : random.nextLong(f / 50 + 1);
    return (f + extra + 999_999L) / 1_000_000L * 1_000_000L; // whole hundredths of a DOGE
  }

  static long koinu(String doge) {
    return new java.math.BigDecimal(doge).movePointRight(8).longValueExact();
  }

  static String arg(String[] args, String name, String fallback) {
    for (String a : args) {
      if (a.startsWith(name + "=")) {
        return a.substring(name.length() + 1);
      }
    }
    return fallback;
  }

  public static void main(String[] args) throws Exception {
    String direct = arg(args, "direct", null);
    String gateway = arg(args, "gateway", null);
    GatewayProof proof = new GatewayProof(arg(args, "secret", null));
    List<Bidder> bidders = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(arg(args, "bidders", null)))) {
      String[] f = line.split(" ");
      bidders.add(new Bidder(f[0], f[1], f[2]));
    }
    String hot = arg(args, "hot", null);
    List<String> many = Files.readAllLines(Path.of(arg(args, "auctions", null)));
    int clients = Integer.parseInt(arg(args, "clients", "64"));
    int seconds = Integer.parseInt(arg(args, "seconds", "15"));
    int watchers = Integer.parseInt(arg(args, "watchers", "1000"));
    long gatewayPid = Long.parseLong(arg(args, "gateway-pid", "0"));
    Path acked = Path.of(arg(args, "acked", "acked.txt"));
    String phases = arg(args, "phases", "hot-direct,hot-gateway,many-direct,many-gateway");

    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(java.util.concurrent.Executors.newFixedThreadPool(4))
            .build();

    // Bids are backed by funds: every bidder gets a deposit large enough for any maximum of the run,
    // reported and confirmed the way deposit-watcher does it (the wallet's chain check is off here:
    // there is no node to check made-up deposits against).
    String wallet = arg(args, "wallet", null);
    if (wallet != null) {
      ServiceCallSigner watcher =
          new ServiceCallSigner(
              "deposit-watcher", Base64.getDecoder().decode(arg(args, "watcher-key", "")), Clock.systemUTC());
      for (Bidder bidder : bidders) {
        fund(http, wallet, proof, watcher, bidder, arg(args, "fund-doge", "1000000000"));
      }
      System.out.printf("funded %d bidders through wallet-service%n", bidders.size());
    }

    // Watchers first: they are connected during every phase.
    long rssBefore = rss(gatewayPid);
    List<Watcher> watching = connectWatchers(gateway, hot, watchers);
    Thread.sleep(2000);
    long rssAfter = rss(gatewayPid);
    System.out.printf(
        "watchers: %d connected on the hot auction; gateway RSS %d MB -> %d MB, %.1f KB per connection%n",
        watching.size(),
        rssBefore / 1024,
        rssAfter / 1024,
        watching.isEmpty() ? 0.0 : (rssAfter - rssBefore) / (double) watching.size());

    try (PrintWriter ackOut = new PrintWriter(Files.newBufferedWriter(acked))) {
      for (String phase : phases.split(",")) {
        boolean viaGateway = phase.endsWith("gateway");
        boolean isHot = phase.startsWith("hot");
        String base = viaGateway ? gateway : direct;
        watching.forEach(Watcher::reset);
        Result r =
            run(http, base, viaGateway, proof, bidders, isHot ? List.of(hot) : many, clients,
                seconds, ackOut);
        System.out.printf(
            "%s: %d clients %ds: accepted %.0f bids/s, answered %.0f bids/s (%d accepted, %d refused, %d errors); latency p50 %.1f ms p99 %.1f ms p999 %.1f ms%n",
            phase, clients, seconds, r.accepted / (double) seconds,
            (r.accepted + r.refused) / (double) seconds, r.accepted, r.refused,
            r.errors, r.pct(50), r.pct(99), r.pct(99.9));
        if (isHot && !watching.isEmpty()) {
          Thread.sleep(1000);
          double[] b2b = bidToBrowser(r, watching);
          System.out.printf(
              "%s bid-to-browser (%d watchers, %d samples, from the bid's send): p50 %.1f ms p99 %.1f ms; frames per watcher: first %d, fewest %d%n",
              phase, watching.size(), b2b.length, pct(b2b, 50), pct(b2b, 99),
              watching.getFirst().received.get(),
              watching.stream().mapToLong(w -> w.received.get()).min().orElse(0));
        }
      }
    }
    System.exit(0);
  }

  static long rss(long pid) throws IOException {
    if (pid <= 0) {
      return 0;
    }
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  static final class Result {
    final ConcurrentLinkedQueue<double[]> latencies = new ConcurrentLinkedQueue<>();
    /** Accepted bids on the hot auction: sequence, send time (nanoTime). */
    final ConcurrentLinkedQueue<long[]> sent = new ConcurrentLinkedQueue<>();
    int accepted, refused, errors;
    double[] sorted;

    double pct(double p) {
      if (sorted == null) {
        sorted = latencies.stream().mapToDouble(a -> a[0]).sorted().toArray();
      }
      return AuctionBench.pct(sorted, p);
    }
  }

  static double pct(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static void fund(HttpClient http, String wallet, GatewayProof proof, ServiceCallSigner watcher,
      Bidder bidder, String doge) throws Exception {
    String path = "/api/v1/wallet/deposit-address";
    Identity identity = new Identity(bidder.id(), null, bidder.name(), null, Set.of("USER"));
    long now = proof.now();
    HttpResponse<String> addressAnswer = http.send(
        HttpRequest.newBuilder(URI.create(wallet + path))
            .header("X-User-ID", bidder.id())
            .header("X-Cognito-Username", bidder.name())
            .header("X-User-Roles", "USER")
            .header("X-Gateway-Timestamp", Long.toString(now))
            .header("X-Gateway-Signature", proof.sign(identity, "GET", path, now))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher address = Pattern.compile("\"address\":\"([^\"]+)\"").matcher(addressAnswer.body());
    if (addressAnswer.statusCode() != 200 || !address.find()) {
      throw new IllegalStateException("deposit address: " + addressAnswer.statusCode() + " " + addressAnswer.body());
    }
    byte[] txid = new byte[32];
    ThreadLocalRandom.current().nextBytes(txid);
    String tx = HexFormat.of().formatHex(txid);
    signed(http, wallet, watcher, "/api/v1/wallet/internal/deposits",
        "{\"txid\":\"" + tx + "\",\"vout\":0,\"address\":\"" + address.group(1) + "\",\"amount\":\""
            + doge + "\",\"blockHash\":\"b\",\"blockHeight\":1}");
    signed(http, wallet, watcher, "/api/v1/wallet/internal/deposits/" + tx + "/0/confirmations",
        "{\"confirmations\":60}");
  }

  static void signed(HttpClient http, String base, ServiceCallSigner signer, String path, String body)
      throws Exception {
    URI uri = URI.create(base + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(body));
    signer.headers("POST", uri, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).forEach(request::header);
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + ": " + answer.statusCode() + " " + answer.body());
    }
  }

  static Result run(HttpClient http, String base, boolean viaGateway, GatewayProof proof,
      List<Bidder> bidders, List<String> auctions, int clients, int seconds,
      PrintWriter ackOut) throws InterruptedException {
    Result result = new Result();
    AtomicInteger accepted = new AtomicInteger(), refused = new AtomicInteger(),
        errors = new AtomicInteger();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      Bidder bidder = bidders.get(c % bidders.size());
      Thread.ofPlatform().start(() -> {
        try {
          while (System.nanoTime() < end) {
            String auction = auctions.get(ThreadLocalRandom.current().nextInt(auctions.size()));
            String path = "/api/v1/auction/auctions/" + auction + "/bids";
            long max = nextMax(floors.computeIfAbsent(auction, a -> new AtomicLong(START_PRICE)));
            String key = UUID.randomUUID().toString();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(
                    "{\"maxBid\":\"" + (max / 100_000_000L) + "." + String.format("%08d", max % 100_000_000L) + "\"}"));
            if (viaGateway) {
              request.header("Authorization", "Bearer " + bidder.token());
            } else {
              Identity identity = new Identity(bidder.id(), null, bidder.name(), null, Set.of("USER"));
              long now = proof.now();
              request.header("X-User-ID", bidder.id())
                  .header("X-Cognito-Username", bidder.name())
                  .header("X-User-Roles", "USER")
                  .header("X-Gateway-Timestamp", Long.toString(now))
                  .header("X-Gateway-Signature", proof.sign(identity, "POST", path, now));
            }
            long t0 = System.nanoTime();
            try {
              HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
              long t1 = System.nanoTime();
              result.latencies.add(new double[] {(t1 - t0) / 1e6});
              Matcher next = MIN_NEXT.matcher(response.body());
              if (next.find()) {
                AtomicLong floor = floors.computeIfAbsent(auction, a -> new AtomicLong(START_PRICE));
                floor.accumulateAndGet(koinu(next.group(1)), Math::max);
              }
              if (response.statusCode() == 201) {
                accepted.incrementAndGet();
                Matcher m = SEQUENCE.matcher(response.body());
                if (m.find()) {
                  result.sent.add(new long[] {Long.parseLong(m.group(1)), t0});
                }
                synchronized (ackOut) {
                  ackOut.println(auction + " " + bidder.id() + " " + key);
                }
              } else if (response.statusCode() == 409) {
                refused.incrementAndGet();
              } else {
                errors.incrementAndGet();
                if (errors.get() < 5) {
                  System.err.println(response.statusCode() + " " + response.body());
                }
              }
            } catch (Exception e) {
              errors.incrementAndGet();
            }
          }
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    result.accepted = accepted.get();
    result.refused = refused.get();
    result.errors = errors.get();
    return result;
  }

  /** For each accepted bid and each of up to 50 watchers: first frame showing it minus its send. */
  static double[] bidToBrowser(Result r, List<Watcher> watchers) {
    List<long[]> bids = new ArrayList<>(r.sent);
    List<Double> out = new ArrayList<>();
    for (Watcher w : watchers.subList(0, Math.min(SAMPLED, watchers.size()))) {
      List<long[]> frames = new ArrayList<>(w.frames);
      long[] counts = frames.stream().mapToLong(f -> f[0]).toArray();
      for (int i = 1; i < counts.length; i++) {
        counts[i] = Math.max(counts[i], counts[i - 1]);
      }
      for (long[] bid : bids) {
        int i = Arrays.binarySearch(counts, bid[0]);
        if (i < 0) {
          i = -i - 1;
        } else {
          while (i > 0 && counts[i - 1] == bid[0]) {
            i--;
          }
        }
        if (i < frames.size()) {
          out.add((frames.get(i)[1] - bid[1]) / 1e6);
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  /** Watchers whose frames are kept for the bid-to-browser figure; the rest only count frames. */
  static final int SAMPLED = 50;

  static final class Watcher implements WebSocket.Listener {
    final ConcurrentLinkedQueue<long[]> frames = new ConcurrentLinkedQueue<>();
    final boolean sampled;
    final AtomicLong received = new AtomicLong();

    Watcher(boolean sampled) {
      this.sampled = sampled;
    }
    private final StringBuilder partial = new StringBuilder();

    void reset() {
      frames.clear();
      received.set(0);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last && !sampled) {
        partial.setLength(0);
        received.incrementAndGet();
      } else if (last) {
        received.incrementAndGet();
        long now = System.nanoTime();
        String text = partial.toString();
        partial.setLength(0);
        Matcher m = BID_COUNT.matcher(text);
        if (text.contains("bid.placed") && m.find()) {
          frames.add(new long[] {Long.parseLong(m.group(1)), now});
        }
      }
      ws.request(1);
      return null;
    }
  }

  static List<Watcher> connectWatchers(String gateway, String hot, int count) throws Exception {
    List<Watcher> out = new ArrayList<>();
    if (count == 0) {
      return out;
    }
    // One client (one selector thread) per 1,000 sockets, so that reading 10,000 watchers' frames
    // is not one thread's queue, which would add its own delay to the bid-to-browser figure.
    HttpClient client = null;
    String ws = gateway.replaceFirst("^http", "ws") + "/ws";
    for (int i = 0; i < count; i++) {
      if (i % 1000 == 0) {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      }
      Watcher w = new Watcher(i < SAMPLED);
      WebSocket socket = client.newWebSocketBuilder().subprotocols("dbay.v1")
          .buildAsync(URI.create(ws), w).get(30, TimeUnit.SECONDS);
      socket.sendText("{\"action\":\"subscribe\",\"channel\":\"auction:" + hot + "\"}", true);
      out.add(w);
    }
    return out;
  }
}
