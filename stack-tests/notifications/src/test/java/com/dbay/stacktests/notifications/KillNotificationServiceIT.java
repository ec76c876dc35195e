package com.dbay.stacktests.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #15's "killing notification-service while events flow and starting it again loses none and
 * duplicates none", on a running stack: the events go the whole real way (XADD on the bus stream as
 * a producer's outbox relay does → the local runtime's rule {@code notification-events-to-queue} →
 * the ElasticMQ queue → notification-service's consumer), and notification-service is the stack's
 * own process ({@code java -jar}, started by {@code ./dbay}). It is killed with SIGKILL while
 * events still arrive (some handled, some not yet), started again with {@code ./dbay _start}, and
 * then: every event produced exactly one in-app notification (PostgreSQL), its event id is recorded
 * once, no live frame came twice, the queue drains (the messages the dead process had received come
 * back after the visibility timeout and are skipped as duplicates) and none went to the dead-letter
 * queue.
 */
class KillNotificationServiceIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int EVENTS = Integer.getInteger("dbay.kill.events", 400);
  private static final int RECIPIENTS = 4;
  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  private final int offset =
      Integer.parseInt(System.getenv().getOrDefault("DBAY_PORT_OFFSET", "0"));
  private final Path state =
      Path.of(
          System.getenv().getOrDefault("DBAY_STACK_STATE_DIR", ROOT.resolve(".dbay").toString()));
  private final Map<String, Integer> ports = partsTable();

  @Test
  void a_killed_notification_service_loses_no_event_and_notifies_none_twice() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> recipients = new ArrayList<>();
    for (int i = 0; i < RECIPIENTS; i++) {
      recipients.add("kill-" + run + "-" + i);
    }
    String stream = env("DBAY_EVENTS_STREAM", "dbay:events");
    String queue = env("DBAY_SQS_NOTIFICATION_QUEUE", "dbay-notifications");
    String dlq = env("DBAY_SQS_NOTIFICATION_DLQ", "dbay-notifications-dlq");

    RedisClient redis =
        RedisClient.create(env("DBAY_REDIS_URL", "redis://127.0.0.1:" + (16379 + offset)));
    try (StatefulRedisConnection<String, String> bus = redis.connect();
        StatefulRedisPubSubConnection<String, String> frames = redis.connectPubSub();
        SqsClient sqs = sqs();
        Connection db = notificationDb()) {
      // Live frames per notification id (a duplicate handling would publish one twice).
      Map<String, Integer> frameCount = new ConcurrentHashMap<>();
      frames.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
              JsonNode f = JSON.readTree(message);
              if ("notification".equals(f.path("type").asString(""))) {
                frameCount.merge(f.path("data").path("id").asString(""), 1, Integer::sum);
              }
            }
          });
      frames
          .sync()
          .subscribe(recipients.stream().map(r -> "dbay:ws:user:" + r).toArray(String[]::new));
      String queueUrl = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
      String dlqUrl = sqs.getQueueUrl(b -> b.queueName(dlq)).queueUrl();
      long dlqBefore = depth(sqs, dlqUrl);

      long pid = notificationPid();
      assertThat(commandLine(pid))
          .as("the stack's notification-service is a java -jar process")
          .contains("-jar")
          .contains("notification-service");

      // The producer: EVENTS events at a steady pace, over the kill and the restart.
      List<String> produced = new CopyOnWriteArrayList<>();
      Thread producer =
          Thread.ofPlatform()
              .name("kill-it-producer")
              .start(
                  () -> {
                    for (int i = 0; i < EVENTS; i++) {
                      ObjectNode envelope = event(run, i, recipients.get(i % RECIPIENTS));
                      bus.sync()
                          .xadd(stream, Map.of("envelope", JSON.writeValueAsString(envelope)));
                      produced.add(envelope.path("id").asString());
                      sleep(25); // ~40 events/s: about 10 s of traffic
                    }
                  });

      // Mid-flow: some handled, most not yet. SIGKILL (Process.destroyForcibly on Linux).
      await(Duration.ofSeconds(90), () -> rows(db, run) >= EVENTS / 5, "the first notifications");
      ProcessHandle victim = ProcessHandle.of(pid).orElseThrow();
      assertThat(victim.destroyForcibly()).isTrue();
      victim.onExit().get(30, TimeUnit.SECONDS);
      int handledAtKill = rows(db, run);
      int producedAtKill = produced.size();
      System.out.printf(
          "killed notification-service (pid %d, SIGKILL) with %d of %d events produced and %d notified%n",
          pid, producedAtKill, EVENTS, handledAtKill);
      assertThat(handledAtKill).as("killed mid-flow").isLessThan(EVENTS);
      Thread.sleep(2000);
      assertThat(rows(db, run))
          .as("nobody handles events while it is dead")
          .isEqualTo(handledAtKill);

      Instant restart = Instant.now();
      Process start =
          new ProcessBuilder(ROOT.resolve("dbay").toString(), "_start", "notification-service")
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .start();
      String startLog = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(start.waitFor()).as(startLog).isZero();
      long newPid = notificationPid();
      assertThat(newPid).isNotEqualTo(pid);
      System.out.printf(
          "started again (pid %d) in %d ms%n",
          newPid, Duration.between(restart, Instant.now()).toMillis());

      producer.join(Duration.ofMinutes(2));
      assertThat(produced).hasSize(EVENTS);
      await(Duration.ofSeconds(120), () -> rows(db, run) >= EVENTS, "every event notified");
      // The queue drains: what the killed process had received but not deleted comes back after
      // the visibility timeout (30 s) and is deleted as a duplicate.
      await(Duration.ofSeconds(120), () -> depth(sqs, queueUrl) == 0, "the queue drains");
      Thread.sleep(1000);

      // Exactly one notification per event: the same set of event ids, no more rows.
      Map<String, Integer> perEvent = new HashMap<>();
      Set<String> notificationIds = new HashSet<>();
      try (PreparedStatement q =
          db.prepareStatement(
              "SELECT id::text, event_id FROM notifications WHERE user_id LIKE ? AND kind = 'new_message'")) {
        q.setString(1, "kill-" + run + "-%");
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            notificationIds.add(rs.getString(1));
            perEvent.merge(rs.getString(2), 1, Integer::sum);
          }
        }
      }
      assertThat(perEvent.keySet()).containsExactlyInAnyOrderElementsOf(produced);
      assertThat(perEvent.values()).allMatch(n -> n == 1);
      assertThat(notificationIds).hasSize(EVENTS);
      // Each event id recorded once by the consumer's dedupe.
      try (PreparedStatement q =
          db.prepareStatement(
              "SELECT count(*), count(DISTINCT event_id) FROM platform_processed_events"
                  + " WHERE subscriber = 'notification.inbox' AND event_id = ANY (?)")) {
        q.setArray(1, db.createArrayOf("text", produced.toArray()));
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(EVENTS);
          assertThat(rs.getInt(2)).isEqualTo(EVENTS);
        }
      }
      // Live frames: never one twice, and only of stored notifications. (A frame is sent after the
      // commit: one whose process died between the two is not sent again; the list has it.)
      assertThat(frameCount.values()).allMatch(n -> n == 1);
      assertThat(notificationIds).containsAll(frameCount.keySet());
      assertThat(depth(sqs, dlqUrl)).as("nothing dead-lettered").isEqualTo(dlqBefore);
      assertThat(health()).isEqualTo(200);
      System.out.printf(
          "%d events, %d notifications (one each), %d live frames, queue drained, DLQ unchanged (%d)%n",
          EVENTS, notificationIds.size(), frameCount.size(), dlqBefore);
    } finally {
      redis.shutdown();
    }
  }

  /**
   * Event i: a MessageSent (messaging-service's event) to one of the recipients. Only the
   * notification rule routes it, so the test's made-up events disturb no other part (a made-up
   * BidPlaced would also reach listing-service and the search indexer).
   */
  private static ObjectNode event(String run, int i, String recipient) {
    ObjectNode e = JSON.createObjectNode();
    e.put("id", UUID.randomUUID().toString());
    e.put("source", "dbay.messaging");
    e.put("detail-type", "MessageSent");
    e.put("time", Instant.now().toString());
    ObjectNode d = e.putObject("detail");
    d.put("threadId", UUID.randomUUID().toString());
    d.put("messageId", e.path("id").asString());
    d.put("listingId", UUID.randomUUID().toString());
    d.put("listingTitle", "Kill test " + run);
    d.put("senderId", "kill-sender-" + run);
    d.put("senderName", "sender " + run);
    d.put("recipientId", recipient);
    d.put("preview", "message " + i);
    return e;
  }

  private int rows(Connection db, String run) {
    try (PreparedStatement q =
        db.prepareStatement("SELECT count(*) FROM notifications WHERE user_id LIKE ?")) {
      q.setString(1, "kill-" + run + "-%");
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection notificationDb() throws SQLException {
    String url =
        "jdbc:postgresql://"
            + env("DBAY_PG_HOST", "127.0.0.1")
            + ":"
            + env("DBAY_PG_PORT", Integer.toString(15432 + offset))
            + "/"
            + env("DBAY_PG_DB_PREFIX", "dbay_")
            + "notification";
    return DriverManager.getConnection(
        url, env("DBAY_PG_USER", "dbay"), System.getenv().getOrDefault("DBAY_PG_PASSWORD", ""));
  }

  private SqsClient sqs() {
    return SqsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + (ports.get("sqs") + offset)))
        .region(Region.of("local"))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static long depth(SqsClient sqs, String url) {
    Map<QueueAttributeName, String> a =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(url)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  /** The pid ./dbay recorded for the part ({@code <pid> <start time>}), alive. */
  private long notificationPid() throws IOException {
    String line = Files.readString(state.resolve("pids/notification-service.pid")).strip();
    long pid = Long.parseLong(line.split("\\s+")[0]);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
    return pid;
  }

  private static String commandLine(long pid) throws IOException {
    return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
  }

  private int health() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    return http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + (ports.get("notification-service") + offset)
                            + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void await(Duration limit, BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
      }
      Thread.sleep(200);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** part → base port, from the one table in ./dbay (as stack-tests/security reads it). */
  private static Map<String, Integer> partsTable() {
    String script;
    try {
      script = Files.readString(ROOT.resolve("dbay"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Matcher table = Pattern.compile("JVM_PARTS='(.*?)'", Pattern.DOTALL).matcher(script);
    if (!table.find()) {
      throw new IllegalStateException("no JVM_PARTS table in ./dbay");
    }
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (String line : table.group(1).split("\n")) {
      String[] cells = line.strip().split("\\s+");
      if (cells.length >= 2 && !cells[0].startsWith("#") && cells[1].matches("\\d+")) {
        ports.put(cells[0], Integer.parseInt(cells[1]));
      }
    }
    return ports;
  }
}
