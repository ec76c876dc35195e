package com.dbay.notification.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dbay.notification.sqs.*}: the queue the EventBridge rule feeds (locally the runtime's
 * {@code sqs:} rule and ElasticMQ) and how it is consumed.
 *
 * @param endpoint an SQS-API server (locally ElasticMQ); empty: AWS, with the SDK's default
 *     credentials
 * @param region empty: {@code local} with an endpoint, else the SDK's default region chain
 * @param pollWait long polling: one ReceiveMessage waits up to this for messages (SQS: at most 20
 *     s)
 * @param visibilityTimeout a received message stays hidden this long; one not deleted by then (the
 *     consumer died or failed) is received again, and after the queue's maxReceiveCount it goes to
 *     the dead-letter queue
 * @param batchSize messages one ReceiveMessage takes (SQS: at most 10)
 * @param consumers threads that receive and handle at once (each its own long poll); one event's
 *     handling is one short transaction, so a burst is worked off by several in parallel
 * @param deadLetterCheck how often the dead-letter queue's depth is read (metric, log, admin page)
 */
@ConfigurationProperties("dbay.notification.sqs")
public record SqsProperties(
    @DefaultValue("true") boolean enabled,
    String endpoint,
    String region,
    @DefaultValue("local") String accessKey,
    @DefaultValue("local") String secretKey,
    @DefaultValue("dbay-notifications") String queue,
    @DefaultValue("dbay-notifications-dlq") String deadLetterQueue,
    @DefaultValue("10s") Duration pollWait,
    @DefaultValue("30s") Duration visibilityTimeout,
    @DefaultValue("10") int batchSize,
    @DefaultValue("30s") Duration deadLetterCheck,
    @DefaultValue("4") int consumers) {}
