package com.dbay.lambda.localruntime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The runtime against the real PostgreSQL and Redis of the environment (DBAY_* variables), with the
 * test functions and workflows added, on a stream of its own. One shared context for every IT.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "dbay.serverless.workflows-dir=src/test/resources/workflows",
      "dbay.serverless.events.stream=h4:test-events:${random.uuid}",
      "dbay.serverless.schedules.ticker=rate(1 seconds)",
      "dbay.serverless.s3.function=image-listener",
      // ./dbay test runs an S3-compatible store (DBAY_S3_ENDPOINT) for the listing tests; these
      // tests watch their in-memory one.
      "dbay.serverless.s3.endpoint=",
      "dbay.serverless.s3.buckets=test-images",
      "dbay.serverless.s3.poll-interval=100ms",
      "dbay.serverless.events.rules[0].name=test-listener",
      "dbay.serverless.events.rules[0].pattern={\"source\": [\"dbay.test\"], \"detail-type\": [\"Ping\"]}",
      "dbay.serverless.events.rules[0].target=function:listener",
      "dbay.serverless.events.rules[1].name=test-workflow-starter",
      "dbay.serverless.events.rules[1].pattern={\"source\": [{\"prefix\": \"dbay.te\"}], \"detail-type\": [\"StartIt\"]}",
      "dbay.serverless.events.rules[1].target=workflow:EventStarted",
      "dbay.serverless.events.rules[2].name=test-queue",
      "dbay.serverless.events.rules[2].pattern={\"source\": [\"dbay.test\"], \"detail-type\": [\"Queued\"]}",
      "dbay.serverless.events.rules[2].target=sqs:" + TestQueue.NAME
    })
@ContextConfiguration(initializers = TestQueue.class)
@Import(TestFunctions.class)
@interface LocalRuntimeTest {}
