package com.dbay.notification.intake;

import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

@Configuration
class SqsConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  SqsClient sqsClient(SqsProperties properties) {
    SqsClientBuilder builder = SqsClient.builder().httpClient(UrlConnectionHttpClient.create());
    boolean hasRegion = properties.region() != null && !properties.region().isBlank();
    if (hasRegion) {
      builder.region(Region.of(properties.region()));
    }
    if (properties.endpoint() != null && !properties.endpoint().isBlank()) {
      // A local SQS-API server: fixed credentials, any region.
      builder
          .endpointOverride(URI.create(properties.endpoint()))
          .region(Region.of(hasRegion ? properties.region() : "local"))
          .credentialsProvider(
              StaticCredentialsProvider.create(
                  AwsBasicCredentials.create(properties.accessKey(), properties.secretKey())));
    }
    return builder.build();
  }
}
