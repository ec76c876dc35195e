package com.dbay.lambda.localruntime.s3;

import com.dbay.lambda.asl.Json;
import com.dbay.lambda.localruntime.ServerlessProperties;
import com.dbay.lambda.localruntime.functions.FunctionFailure;
import com.dbay.lambda.localruntime.functions.FunctionRegistry;
import com.dbay.lambda.localruntime.functions.LocalFunction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local object store sends no notifications, so the runtime lists its buckets and announces
 * each object it has not announced before (by bucket, key and ETag, kept in PostgreSQL so a restart
 * does not announce again) to the configured function as an S3 {@code ObjectCreated:Put} event.
 */
public class ObjectCreatedNotifier implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ObjectCreatedNotifier.class);

  private final ObjectLister lister;
  private final JdbcTemplate jdbc;
  private final FunctionRegistry functions;
  private final ServerlessProperties properties;
  private final LocalFunction target;
  private volatile boolean running;
  private Thread thread;

  public ObjectCreatedNotifier(
      ObjectLister lister,
      JdbcTemplate jdbc,
      FunctionRegistry functions,
      ServerlessProperties properties) {
    this.lister = lister;
    this.jdbc = jdbc;
    this.functions = functions;
    this.properties = properties;
    this.target =
        functions
            .find(properties.s3().function())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no function " + properties.s3().function() + " for object notifications"));
  }

  @Override
  public void start() {
    running = true;
    thread =
        Thread.ofPlatform()
            .daemon()
            .name("s3-notifications")
            .start(
                () -> {
                  long failures = 0;
                  while (running) {
                    try {
                      pollOnce();
                      failures = 0;
                    } catch (RuntimeException e) {
                      if (failures++ % 60 == 0) {
                        log.warn("object store unavailable: {}", e.getMessage());
                      }
                    }
                    try {
                      Thread.sleep(properties.s3().pollInterval().toMillis());
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
  }

  /** One pass over every bucket; returns how many objects it announced. */
  public int pollOnce() {
    int announced = 0;
    for (String bucket : properties.s3().buckets()) {
      for (ObjectLister.StoredObject o : lister.list(bucket)) {
        int fresh =
            jdbc.update(
                "insert into s3_seen_objects (bucket, key, etag) values (?, ?, ?) on conflict do nothing",
                bucket,
                o.key(),
                o.etag());
        if (fresh == 0) {
          continue;
        }
        announced++;
        try {
          functions.invoke(target, event(bucket, o), UUID.randomUUID().toString());
        } catch (FunctionFailure e) {
          log.warn(
              "{} failed on s3://{}/{}: {}: {}",
              target.name(),
              bucket,
              o.key(),
              e.errorType(),
              e.getMessage());
        }
      }
    }
    return announced;
  }

  ObjectNode event(String bucket, ObjectLister.StoredObject o) {
    ObjectNode root = Json.NODES.objectNode();
    ObjectNode record = root.putArray("Records").addObject();
    record.put("eventVersion", "2.1");
    record.put("eventSource", "aws:s3");
    record.put("awsRegion", properties.region());
    record.put(
        "eventTime", (o.lastModified() == null ? Instant.now() : o.lastModified()).toString());
    record.put("eventName", "ObjectCreated:Put");
    record.putObject("userIdentity").put("principalId", "local");
    record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
    record
        .putObject("responseElements")
        .put("x-amz-request-id", UUID.randomUUID().toString())
        .put("x-amz-id-2", "local");
    ObjectNode s3 = record.putObject("s3");
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", "local-notifications");
    s3.putObject("bucket")
        .put("name", bucket)
        .put("arn", "arn:aws:s3:::" + bucket)
        .putObject("ownerIdentity")
        .put("principalId", "local");
    // S3 notifications carry the key URL-encoded (spaces as '+'), as handlers must expect.
    s3.putObject("object")
        .put("key", URLEncoder.encode(o.key(), StandardCharsets.UTF_8).replace("%2F", "/"))
        .put("size", o.size())
        .put("eTag", o.etag())
        .put("sequencer", Long.toHexString(System.nanoTime()));
    return root;
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
