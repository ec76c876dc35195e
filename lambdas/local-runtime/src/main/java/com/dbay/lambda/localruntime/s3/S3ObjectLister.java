package com.dbay.lambda.localruntime.s3;

import com.dbay.lambda.localruntime.ServerlessProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ListObjectsV2 against the configured S3-compatible endpoint (path-style, as local stores expect).
 */
public class S3ObjectLister implements ObjectLister, AutoCloseable {

  private final S3Client s3;

  public S3ObjectLister(ServerlessProperties.S3 settings) {
    this.s3 =
        S3Client.builder()
            .endpointOverride(URI.create(settings.endpoint()))
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @Override
  public List<StoredObject> list(String bucket) {
    List<StoredObject> out = new ArrayList<>();
    try {
      for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
        out.add(
            new StoredObject(
                o.key(),
                o.eTag() == null ? "" : o.eTag().replace("\"", ""),
                o.size(),
                o.lastModified()));
      }
    } catch (NoSuchBucketException e) {
      return List.of();
    }
    return out;
  }

  @Override
  public void close() {
    s3.close();
  }
}
