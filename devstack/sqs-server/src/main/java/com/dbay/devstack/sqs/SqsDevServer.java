package com.dbay.devstack.sqs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ElasticMQ on {@code DBAY_SQS_PORT} (loopback only) with the queues DBay's infrastructure declares
 * in AWS (infra's NotificationQueues): {@code dbay-notifications}, whose messages go to {@code
 * dbay-notifications-dlq} after {@code DBAY_SQS_MAX_RECEIVE_COUNT} receives (5), as the redrive
 * policy does in SQS. The configuration is written at each start from these variables, so the queue
 * definitions live in one place per environment (here and the CDK stack). Messages are kept in
 * memory: stopping this part drops what was not consumed (the bus rules deliver again only what
 * they had not yet handed over).
 */
public final class SqsDevServer {

  private SqsDevServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(env("DBAY_SQS_PORT", "9324"));
    String queue = env("DBAY_SQS_NOTIFICATION_QUEUE", "dbay-notifications");
    int maxReceiveCount = Integer.parseInt(env("DBAY_SQS_MAX_RECEIVE_COUNT", "5"));
    String config =
        """
        include classpath("application.conf")
        node-address { protocol = http, host = "127.0.0.1", port = %1$d, context-path = "" }
        rest-sqs { enabled = true, bind-port = %1$d, bind-hostname = "127.0.0.1", sqs-limits = strict }
        rest-stats { enabled = false }
        aws { region = "local", accountId = "000000000000" }
        queues {
          "%2$s" {
            defaultVisibilityTimeout = 30 seconds
            receiveMessageWait = 0 seconds
            deadLettersQueue { name = "%2$s-dlq", maxReceiveCount = %3$d }
          }
          "%2$s-dlq" { }
        }
        """
            .formatted(port, queue, maxReceiveCount);
    Path file = Files.createTempFile("dbay-elasticmq", ".conf");
    file.toFile().deleteOnExit();
    Files.writeString(file, config, StandardCharsets.UTF_8);
    System.setProperty("config.file", file.toString());
    org.elasticmq.server.Main.main(args);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
