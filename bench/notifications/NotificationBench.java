import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event → in-app notification on an open page, on the running stack (bench/notifications/run).
 * JDK only: a minimal RESP client for Redis, the SQS JSON protocol over HttpClient (ElasticMQ checks
 * no signature), java.net.http.WebSocket as the page's socket (subprotocols dbay.v1 +
 * bearer.&lt;token&gt;, then subscribe to channel "user", exactly as the SPA does).
 *
 * <p>Phases (each a burst of {@code events} at once, latency per item from its send to its arrival):
 *
 * <ol>
 *   <li>baseline redis: PUBLISH → a SUBSCRIBE socket (the Redis hop alone);
 *   <li>baseline ws: PUBLISH on dbay:ws:user:&lt;id&gt; → the gateway → the page's WebSocket (the
 *       last hop of every notification, without the pipeline);
 *   <li>baseline sqs: SendMessage → ReceiveMessage (long poll, 10 a call) on a queue of its own;
 *   <li>pipeline: XADD of MessageSent events on the bus stream (as an outbox relay does) → the
 *       local runtime's rule → SQS dbay-notifications → notification-service (dedupe, store, commit)
 *       → Redis → gateway → the page: the notification frame.
 * </ol>
 */
public class NotificationBench {

  static final Pattern BENCH_ID = Pattern.compile("nb:([0-9a-z]+):(\\d+)");

  public static void main(String[] a) throws Exception {
    Map<String, String> args = new HashMap<>();
    for (String s : a) {
      int i = s.indexOf('=');
      args.put(s.substring(0, i), s.substring(i + 1));
    }
    String gateway = args.get("gateway");
    String redisHost = args.get("redis-host");
    int redisPort = Integer.parseInt(args.get("redis-port"));
    String sqs = args.get("sqs");
    String stream = args.getOrDefault("stream", "dbay:events");
    String user = args.get("user");
    String token = args.get("token");
    int events = Integer.parseInt(args.getOrDefault("events", "1000"));
    String run = Long.toString(System.currentTimeMillis(), 36);

    System.out.println(
        "page: a WebSocket through the gateway's /ws, subscribed to its user channel (a new one per phase)");

    // 1. Redis pub/sub hop alone.
    {
      Redis sub = new Redis(redisHost, redisPort);
      String channel = "bench:notifications:" + run;
      long[] sent = new long[events];
      long[] got = new long[events];
      CountDownLatch all = new CountDownLatch(events);
      sub.subscribe(
          channel,
          text -> {
            Matcher m = BENCH_ID.matcher(text);
            if (m.find()) {
              int i = Integer.parseInt(m.group(2));
              if (got[i] == 0) {
                got[i] = System.nanoTime();
                all.countDown();
              }
            }
          });
      Redis pub = new Redis(redisHost, redisPort);
      long t0 = System.nanoTime();
      for (int i = 0; i < events; i++) {
        sent[i] = System.nanoTime();
        pub.sendOnly("PUBLISH", channel, "nb:" + run + "r:" + i);
      }
      pub.drain(events);
      all.await(60, TimeUnit.SECONDS);
      report("baseline redis pub/sub hop", sent, got, t0);
      sub.close();
      pub.close();
    }

    // 2. Redis → gateway → the page (the last hop of a notification). At most 200 at once: the
    // gateway buffers 256 frames per socket and drops a socket that falls further behind (4408).
    {
      Page page = Page.open(gateway, token);
      int wsBurst = Math.min(events, 200);
      Redis pub = new Redis(redisHost, redisPort);
      long[] sent = new long[wsBurst];
      String prefix = "nb:" + run + "w:";
      page.expect(prefix, wsBurst);
      long t0 = System.nanoTime();
      for (int i = 0; i < wsBurst; i++) {
        sent[i] = System.nanoTime();
        pub.sendOnly(
            "PUBLISH",
            "dbay:ws:user:" + user,
            "{\"type\":\"bench\",\"channel\":\"user\",\"data\":{\"id\":\"" + prefix + i + "\"}}");
      }
      pub.drain(wsBurst);
      long[] got = page.await(prefix, 60);
      report("baseline redis -> gateway -> page (burst of " + wsBurst + ")", sent, got, t0);
      pub.close();
      page.close();
    }

    // 3. SQS send -> receive on a queue of its own.
    {
      Sqs q = new Sqs(sqs);
      String url = q.createQueue("bench-notifications-" + run);
      long[] sent = new long[events];
      long[] got = new long[events];
      CountDownLatch all = new CountDownLatch(events);
      Thread receiver =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      while (all.getCount() > 0) {
                        for (String[] m : q.receive(url, 10, 1)) {
                          long now = System.nanoTime();
                          Matcher mm = BENCH_ID.matcher(m[0]);
                          if (mm.find()) {
                            int i = Integer.parseInt(mm.group(2));
                            if (got[i] == 0) {
                              got[i] = now;
                              all.countDown();
                            }
                          }
                          q.delete(url, m[1]);
                        }
                      }
                    } catch (InterruptedException done) {
                      // the phase is over
                    } catch (Exception e) {
                      if (all.getCount() > 0) {
                        e.printStackTrace();
                      }
                    }
                  });
      long t0 = System.nanoTime();
      for (int i = 0; i < events; i++) {
        sent[i] = System.nanoTime();
        q.send(url, "nb:" + run + "s:" + i);
      }
      all.await(120, TimeUnit.SECONDS);
      receiver.interrupt();
      report("baseline sqs send -> receive (1 sender, 1 long-polling receiver)", sent, got, t0);
      q.deleteQueue(url);
    }

    // 4. The pipeline.
    {
      Page page = Page.open(gateway, token);
      Redis bus = new Redis(redisHost, redisPort);
      long[] sent = new long[events];
      long[] sentWall = new long[events];
      String prefix = "nb:" + run + "p:";
      page.expect(prefix, events);
      long t0 = System.nanoTime();
      for (int i = 0; i < events; i++) {
        String id = UUID.randomUUID().toString();
        String envelope =
            "{\"id\":\""
                + id
                + "\",\"source\":\"dbay.messaging\",\"detail-type\":\"MessageSent\",\"time\":\""
                + java.time.Instant.now()
                + "\",\"detail\":{\"threadId\":\""
                + UUID.randomUUID()
                + "\",\"messageId\":\""
                + id
                + "\",\"listingId\":\""
                + UUID.randomUUID()
                + "\",\"listingTitle\":\"bench\",\"senderId\":\"bench-sender\",\"senderName\":\"bench\","
                + "\"recipientId\":\""
                + user
                + "\",\"preview\":\""
                + prefix
                + i
                + "\"}}";
        sent[i] = System.nanoTime();
        sentWall[i] = System.currentTimeMillis();
        bus.sendOnly("XADD", stream, "*", "envelope", envelope);
      }
      bus.drain(events);
      long[] got = page.await(prefix, Integer.parseInt(args.getOrDefault("timeout", "180")));
      report("event -> notification on the page (bus -> rule -> SQS -> notification-service -> Redis -> gateway -> WebSocket)", sent, got, t0);
      // Where the time goes: the notification's createdAt (stamped by notification-service as it
      // stores it) splits each latency into event -> stored and stored -> page (wall clocks).
      long[] stored = page.created(prefix);
      List<Double> before = new ArrayList<>();
      List<Double> after = new ArrayList<>();
      long gotWallOffset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
      for (int i = 0; i < events; i++) {
        if (got[i] != 0 && stored[i] != 0) {
          before.add((double) (stored[i] - sentWall[i]));
          after.add((got[i] + gotWallOffset) / 1e6 - stored[i]);
        }
      }
      double[] b = before.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double[] c = after.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(
          "  of which event -> stored by notification-service: p50 %.0f p99 %.0f max %.0f ms; stored -> on the page: p50 %.0f p99 %.0f max %.0f ms (ms clock)%n",
          pct(b, 50), pct(b, 99), b.length == 0 ? Double.NaN : b[b.length - 1],
          pct(c, 50), pct(c, 99), c.length == 0 ? Double.NaN : c[c.length - 1]);
      bus.close();
      page.close();
    }
  }

  static void report(String what, long[] sent, long[] got, long t0) {
    List<Double> ms = new ArrayList<>();
    long last = 0;
    int missing = 0;
    for (int i = 0; i < sent.length; i++) {
      if (got[i] == 0) {
        missing++;
        continue;
      }
      ms.add((got[i] - sent[i]) / 1e6);
      last = Math.max(last, got[i]);
    }
    double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double seconds = last == 0 ? Double.NaN : (last - t0) / 1e9;
    System.out.printf(
        "%s: %d items, arrived %d, missing %d; latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f; throughput %.0f/s (first send to last arrival %.2f s)%n",
        what,
        sent.length,
        s.length,
        missing,
        pct(s, 50),
        pct(s, 90),
        pct(s, 99),
        s.length == 0 ? Double.NaN : s[s.length - 1],
        s.length / Math.max(seconds, 1e-9),
        seconds);
  }

  static double pct(double[] s, double p) {
    if (s.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, i))];
  }

  /** The open page: one WebSocket, channel "user", arrival time of each bench id. */
  static final class Page implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private final Map<String, long[]> arrivals = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> latches = new ConcurrentHashMap<>();
    private final Map<String, long[]> created = new ConcurrentHashMap<>();
    private static final Pattern CREATED = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private WebSocket socket;
    volatile int duplicates;

    static Page open(String gateway, String token) throws Exception {
      Page p = new Page();
      String ws = gateway.replaceFirst("^http", "ws") + "/ws";
      p.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .subprotocols("dbay.v1", "bearer." + token)
              .buildAsync(URI.create(ws), p)
              .get(30, TimeUnit.SECONDS);
      p.socket.sendText("{\"action\":\"subscribe\",\"channel\":\"user\"}", true);
      p.subscribed.get(30, TimeUnit.SECONDS);
      return p;
    }

    void expect(String prefix, int count) {
      arrivals.put(prefix, new long[count]);
      created.put(prefix, new long[count]);
      latches.put(prefix, new CountDownLatch(count));
    }

    long[] created(String prefix) {
      return created.get(prefix);
    }

    long[] await(String prefix, int seconds) throws InterruptedException {
      latches.get(prefix).await(seconds, TimeUnit.SECONDS);
      return arrivals.get(prefix);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        long now = System.nanoTime();
        String text = partial.toString();
        partial.setLength(0);
        if (!subscribed.isDone() && text.contains("subscribe")) {
          subscribed.complete(null);
        }
        Matcher m = BENCH_ID.matcher(text);
        if (m.find()) {
          String prefix = "nb:" + m.group(1) + ":";
          int i = Integer.parseInt(m.group(2));
          long[] times = arrivals.get(prefix);
          if (times != null && i < times.length) {
            if (times[i] == 0) {
              times[i] = now;
              Matcher c = CREATED.matcher(text);
              if (c.find()) {
                created.get(prefix)[i] = java.time.Instant.parse(c.group(1)).toEpochMilli();
              }
              latches.get(prefix).countDown();
            } else {
              duplicates++;
            }
          }
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      System.out.println("page socket closed: " + status + " " + reason);
      return null;
    }

    void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      if (duplicates > 0) {
        System.out.println("duplicate frames on the page: " + duplicates);
      }
    }
  }

  /** Just enough RESP: pipelined commands, replies drained, SUBSCRIBE with a reader thread. */
  static final class Redis {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    Redis(String host, int port) throws IOException {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream());
    }

    void sendOnly(String... parts) throws IOException {
      StringBuilder b = new StringBuilder().append('*').append(parts.length).append("\r\n");
      for (String p : parts) {
        byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
        b.append('$').append(bytes.length).append("\r\n").append(p).append("\r\n");
      }
      out.write(b.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    /** Reads n replies (pipelined commands), failing on an error reply. */
    void drain(int n) throws IOException {
      for (int i = 0; i < n; i++) {
        Object r = read();
        if (r instanceof IOException e) {
          throw e;
        }
      }
    }

    void subscribe(String channel, java.util.function.Consumer<String> onMessage)
        throws IOException {
      sendOnly("SUBSCRIBE", channel);
      read();
      Thread.ofPlatform()
          .daemon()
          .start(
              () -> {
                try {
                  while (true) {
                    Object r = read();
                    if (r instanceof Object[] arr && arr.length == 3) {
                      onMessage.accept((String) arr[2]);
                    }
                  }
                } catch (IOException closed) {
                  // done
                }
              });
    }

    private Object read() throws IOException {
      int type = in.read();
      String line = line();
      switch (type) {
        case '+':
        case ':':
          return line;
        case '-':
          return new IOException("redis: " + line);
        case '$':
          {
            int len = Integer.parseInt(line);
            if (len < 0) {
              return null;
            }
            byte[] bytes = in.readNBytes(len + 2);
            return new String(bytes, 0, len, StandardCharsets.UTF_8);
          }
        case '*':
          {
            int len = Integer.parseInt(line);
            Object[] arr = new Object[Math.max(len, 0)];
            for (int i = 0; i < len; i++) {
              arr[i] = read();
            }
            return arr;
          }
        default:
          throw new IOException("redis: unexpected reply type " + type);
      }
    }

    private String line() throws IOException {
      StringBuilder b = new StringBuilder();
      int c;
      while ((c = in.read()) != '\r') {
        if (c < 0) {
          throw new IOException("closed");
        }
        b.append((char) c);
      }
      in.read();
      return b.toString();
    }

    void close() throws IOException {
      socket.close();
    }
  }

  /** The SQS JSON protocol (AmazonSQS.*), unsigned: ElasticMQ checks no signature. */
  static final class Sqs {
    private final String endpoint;
    private final HttpClient http = HttpClient.newHttpClient();
    private static final Pattern BODY = Pattern.compile("\"Body\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern HANDLE =
        Pattern.compile("\"ReceiptHandle\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern URL = Pattern.compile("\"QueueUrl\"\\s*:\\s*\"([^\"]+)\"");

    Sqs(String endpoint) {
      this.endpoint = endpoint;
    }

    String call(String action, String json) throws IOException, InterruptedException {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint + "/"))
                  .header("Content-Type", "application/x-amz-json-1.0")
                  .header("X-Amz-Target", "AmazonSQS." + action)
                  .header(
                      "Authorization",
                      "AWS4-HMAC-SHA256 Credential=local/20260101/local/sqs/aws4_request, SignedHeaders=host, Signature=0")
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("sqs " + action + ": " + r.statusCode() + " " + r.body());
      }
      return r.body();
    }

    String createQueue(String name) throws IOException, InterruptedException {
      Matcher m = URL.matcher(call("CreateQueue", "{\"QueueName\":\"" + name + "\"}"));
      m.find();
      return m.group(1);
    }

    void deleteQueue(String url) throws IOException, InterruptedException {
      call("DeleteQueue", "{\"QueueUrl\":\"" + url + "\"}");
    }

    void send(String url, String body) throws IOException, InterruptedException {
      call("SendMessage", "{\"QueueUrl\":\"" + url + "\",\"MessageBody\":\"" + body + "\"}");
    }

    List<String[]> receive(String url, int max, int waitSeconds)
        throws IOException, InterruptedException {
      String r =
          call(
              "ReceiveMessage",
              "{\"QueueUrl\":\""
                  + url
                  + "\",\"MaxNumberOfMessages\":"
                  + max
                  + ",\"WaitTimeSeconds\":"
                  + waitSeconds
                  + "}");
      List<String[]> out = new ArrayList<>();
      Matcher b = BODY.matcher(r);
      Matcher h = HANDLE.matcher(r);
      while (b.find() && h.find()) {
        out.add(new String[] {b.group(1), h.group(1)});
      }
      return out;
    }

    void delete(String url, String handle) throws IOException, InterruptedException {
      call(
          "DeleteMessage",
          "{\"QueueUrl\":\"" + url + "\",\"ReceiptHandle\":\"" + handle + "\"}");
    }
  }
}
