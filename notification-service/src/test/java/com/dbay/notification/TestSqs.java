package com.dbay.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A real SQS-API server for the tests (ElasticMQ in this JVM, one per test run) with the queues as
 * the stack declares them: the notification queue redriving to its dead-letter queue after {@link
 * #MAX_RECEIVE_COUNT} receives.
 */
public final class TestSqs {

  public static final String QUEUE = "it-notifications";
  public static final String DLQ = "it-notifications-dlq";
  public static final int MAX_RECEIVE_COUNT = 3;

  private static TestSqs instance;

  private final SQSRestServer server;
  private final String endpoint;
  private final SqsClient client;
  private final String queueUrl;
  private final String dlqUrl;

  private TestSqs() {
    int port = freePort();
    server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1").start();
    server.waitUntilStarted();
    endpoint = "http://127.0.0.1:" + port;
    client =
        SqsClient.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.of("local"))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    dlqUrl = client.createQueue(b -> b.queueName(DLQ)).queueUrl();
    String dlqArn =
        client
            .getQueueAttributes(
                b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    queueUrl =
        client
            .createQueue(
                b ->
                    b.queueName(QUEUE)
                        .attributes(
                            Map.of(
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\""
                                    + dlqArn
                                    + "\",\"maxReceiveCount\":\""
                                    + MAX_RECEIVE_COUNT
                                    + "\"}")))
            .queueUrl();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait));
  }

  public static synchronized TestSqs get() {
    if (instance == null) {
      instance = new TestSqs();
    }
    return instance;
  }

  public String endpoint() {
    return endpoint;
  }

  public SqsClient client() {
    return client;
  }

  public String queueUrl() {
    return queueUrl;
  }

  public String dlqUrl() {
    return dlqUrl;
  }

  public void send(String body) {
    client.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
  }

  /** Visible plus in-flight messages of a queue. */
  public long depth(String url) {
    var attributes =
        client
            .getQueueAttributes(
                b ->
                    b.queueUrl(url)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Long.parseLong(
            attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
