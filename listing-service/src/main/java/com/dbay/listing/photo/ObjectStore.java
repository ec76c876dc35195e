package com.dbay.listing.photo;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** The image bucket: presigned uploads, reading variants, deleting a photo's objects. */
public class ObjectStore implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);

  /** A URL the browser PUTs the file to, with the headers it must send exactly as given. */
  public record Upload(String url, Map<String, String> headers) {}

  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;

  public ObjectStore(PhotoProperties p) {
    AwsCredentialsProvider credentials =
        p.accessKey().isBlank()
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(p.accessKey(), p.secretKey()));
    // Local S3-compatible stores only do path-style addressing.
    S3Configuration pathStyle =
        S3Configuration.builder().pathStyleAccessEnabled(!p.endpoint().isBlank()).build();
    var client =
        S3Client.builder()
            .region(Region.of(p.region()))
            .credentialsProvider(credentials)
            .serviceConfiguration(pathStyle)
            .httpClient(UrlConnectionHttpClient.create());
    var presign =
        S3Presigner.builder()
            .region(Region.of(p.region()))
            .credentialsProvider(credentials)
            .serviceConfiguration(pathStyle);
    if (!p.endpoint().isBlank()) {
      client.endpointOverride(URI.create(p.endpoint()));
      presign.endpointOverride(URI.create(p.endpoint()));
    }
    this.s3 = client.build();
    this.presigner = presign.build();
    this.bucket = p.bucket();
    if (p.createBucket()) {
      ensureBucket();
    }
  }

  private void ensureBucket() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      s3.createBucket(b -> b.bucket(bucket));
      log.info("created bucket {}", bucket);
    } catch (RuntimeException e) {
      // The store may not be up yet; creating it is retried on first use by the store's own errors.
      log.warn("could not check bucket {}: {}", bucket, e.toString());
    }
  }

  public String bucket() {
    return bucket;
  }

  public Upload presignPut(String key, String contentType, long contentLength, Duration validity) {
    PresignedPutObjectRequest put =
        presigner.presignPutObject(
            r ->
                r.signatureDuration(validity)
                    .putObjectRequest(
                        o ->
                            o.bucket(bucket)
                                .key(key)
                                .contentType(contentType)
                                .contentLength(contentLength)));
    Map<String, String> headers =
        put.signedHeaders().entrySet().stream()
            .filter(e -> !e.getKey().equalsIgnoreCase("host"))
            .collect(Collectors.toMap(Map.Entry::getKey, e -> String.join(",", e.getValue())));
    return new Upload(put.url().toString(), headers);
  }

  /** The object's bytes, or null when it does not exist. The caller closes the stream. */
  public ResponseInputStream<GetObjectResponse> get(String key) {
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      return null;
    }
  }

  public List<String> keysUnder(String prefix) {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  public void delete(String key) {
    s3.deleteObject(b -> b.bucket(bucket).key(key));
  }

  public void put(String key, String contentType, byte[] bytes) {
    s3.putObject(
        b -> b.bucket(bucket).key(key).contentType(contentType),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
  }

  public InputStream open(String key) {
    return get(key);
  }

  @Override
  public void close() {
    presigner.close();
    s3.close();
  }
}
