package com.dbay.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The buckets: listing photos (originals under {@code listings/}, variants under {@code
 * variants/}), the built SPA, and the access logs of both and of CloudFront. All private,
 * encrypted, TLS only.
 */
public final class Storage extends Construct {

  public final Bucket logs;
  public final Bucket images;
  public final Bucket spa;

  public Storage(Construct scope, String id, Settings settings) {
    super(scope, id);
    RemovalPolicy removal = settings.prod() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    logs =
        Bucket.Builder.create(this, "AccessLogs")
            .encryption(BucketEncryption.S3_MANAGED)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            // CloudFront writes its logs with ACLs.
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
            .lifecycleRules(
                List.of(
                    LifecycleRule.builder()
                        .expiration(Duration.days(settings.prod() ? 365 : 30))
                        .build()))
            .removalPolicy(removal)
            .autoDeleteObjects(!settings.prod())
            .build();
    images =
        Bucket.Builder.create(this, "Images")
            .encryption(BucketEncryption.S3_MANAGED)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            .versioned(settings.prod())
            .serverAccessLogsBucket(logs)
            .serverAccessLogsPrefix("images/")
            // Browsers upload photos straight to the bucket with presigned URLs.
            .cors(
                List.of(
                    CorsRule.builder()
                        .allowedMethods(List.of(HttpMethods.PUT, HttpMethods.GET))
                        .allowedOrigins(List.of("*"))
                        .allowedHeaders(List.of("*"))
                        .maxAge(3000)
                        .build()))
            .removalPolicy(removal)
            .autoDeleteObjects(!settings.prod())
            .build();
    spa =
        Bucket.Builder.create(this, "WebApp")
            .encryption(BucketEncryption.S3_MANAGED)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            .serverAccessLogsBucket(logs)
            .serverAccessLogsPrefix("webapp/")
            .removalPolicy(RemovalPolicy.DESTROY)
            .autoDeleteObjects(true)
            .build();
  }
}
