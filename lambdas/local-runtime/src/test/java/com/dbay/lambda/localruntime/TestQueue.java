package com.dbay.lambda.localruntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real SQS-API server (ElasticMQ, in the test's JVM) with one queue, which the runtime's {@code
 * sqs:} test rule sends to: started once, before the shared context, which it points at it.
 */
public class TestQueue implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String NAME = "runtime-test-queue";

  private static SQSRestServer server;
  private static String endpoint;
  private static SqsClient client;
  private static String url;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    start();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource("test-queue", Map.of("dbay.serverless.sqs.endpoint", endpoint)));
  }

  static synchronized void start() {
    if (server != null) {
      return;
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1").start();
    server.waitUntilStarted();
    endpoint = "http://127.0.0.1:" + port;
    client =
        SqsClient.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.of("local"))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    url = client.createQueue(b -> b.queueName(NAME)).queueUrl();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait));
  }

  static SqsClient client() {
    start();
    return client;
  }

  static String url() {
    start();
    return url;
  }
}
