package com.dbay.lambda.imageprocessor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 in AWS (the function's role), or an S3-compatible endpoint (path-style) with static keys
 * locally.
 */
public class S3PhotoStorage implements PhotoStorage {

  private final S3Client s3;

  public S3PhotoStorage(S3Client s3) {
    this.s3 = s3;
  }

  /**
   * {@code endpoint} empty: AWS S3 with the default credentials; else that endpoint with the given
   * keys.
   */
  public static S3PhotoStorage of(
      String endpoint, String region, String accessKey, String secretKey) {
    S3ClientBuilder builder =
        S3Client.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create());
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
    }
    builder.credentialsProvider(
        accessKey == null || accessKey.isBlank()
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
    return new S3PhotoStorage(builder.build());
  }

  @Override
  public long size(String bucket, String key) {
    try {
      return s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
    } catch (NoSuchKeyException e) {
      return -1;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return -1;
      }
      throw e;
    }
  }

  @Override
  public byte[] read(String bucket, String key, long limit) {
    try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key))) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void write(String bucket, String key, String contentType, byte[] bytes) {
    s3.putObject(
        b ->
            b.bucket(bucket)
                .key(key)
                .contentType(contentType)
                .cacheControl("public, max-age=2592000, immutable"),
        RequestBody.fromBytes(bytes));
  }

  @Override
  public void delete(String bucket, String key) {
    s3.deleteObject(b -> b.bucket(bucket).key(key));
  }
}
