package com.dbay.lambda.localruntime.events;

import com.dbay.lambda.localruntime.ServerlessProperties;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An EventBridge rule's SQS target: the event, as EventBridge hands it to a target, becomes the
 * body of one message (SendMessage) on the named queue of the configured SQS-API server. The
 * queue's own redrive policy (its dead-letter queue) then applies to its consumers, as in AWS.
 */
final class SqsTarget implements AutoCloseable {

  private final SqsClient sqs;
  private final Map<String, String> urls = new ConcurrentHashMap<>();

  SqsTarget(ServerlessProperties.Sqs settings) {
    this.sqs =
        SqsClient.builder()
            .endpointOverride(URI.create(settings.endpoint()))
            .region(Region.of(settings.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  /**
   * @return the message id the server assigned
   */
  String send(String queue, String body) {
    String url = urls.computeIfAbsent(queue, q -> sqs.getQueueUrl(b -> b.queueName(q)).queueUrl());
    return sqs.sendMessage(b -> b.queueUrl(url).messageBody(body)).messageId();
  }

  @Override
  public void close() {
    sqs.close();
  }
}
