package com.dbay.notification.email;

import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

@Configuration
class SesConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  SesV2Client sesV2Client(EmailProperties properties) {
    SesV2ClientBuilder builder = SesV2Client.builder().httpClient(UrlConnectionHttpClient.create());
    boolean hasRegion = properties.region() != null && !properties.region().isBlank();
    if (hasRegion) {
      builder.region(Region.of(properties.region()));
    }
    if (properties.endpoint() != null && !properties.endpoint().isBlank()) {
      // The local SES-API server takes any credentials and region.
      builder
          .endpointOverride(URI.create(properties.endpoint()))
          .region(Region.of(hasRegion ? properties.region() : "us-east-1"))
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }
    return builder.build();
  }
}
