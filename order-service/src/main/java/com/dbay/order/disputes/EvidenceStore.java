package com.dbay.order.disputes;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Evidence images in their own private bucket (never the listing image bucket, which
 * image-processor watches and publishes): written and read only through order-service, which checks
 * that the reader is a party or an admin. Locally s3proxy (path-style), S3 in AWS.
 */
@Component
public class EvidenceStore implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EvidenceStore.class);

  private final S3Client s3;
  private final String bucket;
  private volatile boolean bucketChecked;

  EvidenceStore(DisputeProperties p) {
    AwsCredentialsProvider credentials =
        p.s3AccessKey().isBlank()
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(p.s3AccessKey(), p.s3SecretKey()));
    var client =
        S3Client.builder()
            .region(Region.of(p.s3Region()))
            .credentialsProvider(credentials)
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(!p.s3Endpoint().isBlank()).build())
            .httpClient(UrlConnectionHttpClient.create());
    if (!p.s3Endpoint().isBlank()) {
      client.endpointOverride(URI.create(p.s3Endpoint()));
    }
    this.s3 = client.build();
    this.bucket = p.evidenceBucket();
    // A local store (s3proxy) gets its bucket on first use; in AWS the bucket is infra's.
    this.bucketChecked = p.s3Endpoint().isBlank();
  }

  public void put(String key, String contentType, byte[] bytes) {
    ensureBucket();
    s3.putObject(
        b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
  }

  /** The object's bytes, or null when it is gone. */
  public byte[] get(String key) {
    try {
      return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      return null;
    }
  }

  private void ensureBucket() {
    if (bucketChecked) {
      return;
    }
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      s3.createBucket(b -> b.bucket(bucket));
      log.info("created bucket {}", bucket);
    }
    bucketChecked = true;
  }

  @Override
  public void close() {
    s3.close();
  }
}
