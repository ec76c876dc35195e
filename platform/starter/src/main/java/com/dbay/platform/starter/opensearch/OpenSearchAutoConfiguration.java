package com.dbay.platform.starter.opensearch;

import java.net.URISyntaxException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson3.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@link OpenSearchClient} and the {@code opensearch} health indicator, when opensearch-java and
 * HttpClient 5 are on the classpath and {@code dbay.opensearch.url} ({@code DBAY_OPENSEARCH_URL})
 * is set. Documents are mapped with the service's own Jackson 3 mapper, so {@code Doge} and {@code
 * Instant} fields look the same in the index as in the API.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({OpenSearchClient.class, ApacheHttpClient5TransportBuilder.class})
// Blank counts as unset, so DBAY_OPENSEARCH_URL= switches it off.
@ConditionalOnExpression("!'${dbay.opensearch.url:}'.isBlank()")
@EnableConfigurationProperties(OpenSearchProperties.class)
public class OpenSearchAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  OpenSearchTransport openSearchTransport(
      OpenSearchProperties properties, ObjectProvider<JsonMapper> mapper)
      throws URISyntaxException {
    HttpHost host = HttpHost.create(properties.url());
    return ApacheHttpClient5TransportBuilder.builder(host)
        .setMapper(
            new JacksonJsonpMapper(
                documentMapper(mapper.getIfAvailable(() -> JsonMapper.builder().build()))))
        .setHttpClientConfigCallback(
            http -> {
              if (properties.username() != null && !properties.username().isBlank()) {
                var credentials = new BasicCredentialsProvider();
                credentials.setCredentials(
                    new AuthScope(host),
                    new UsernamePasswordCredentials(
                        properties.username(),
                        properties.password() == null
                            ? new char[0]
                            : properties.password().toCharArray()));
                http.setDefaultCredentialsProvider(credentials);
              }
              return http;
            })
        .build();
  }

  /**
   * The service's mapper, loosened where the client needs it: it reads documents from the middle of
   * a response (so tokens follow), and documents may carry fields a reader does not know.
   */
  static JsonMapper documentMapper(JsonMapper mapper) {
    return mapper
        .rebuild()
        .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  OpenSearchClient openSearchClient(OpenSearchTransport transport) {
    return new OpenSearchClient(transport);
  }

  @Bean
  @ConditionalOnMissingBean(name = "opensearchHealthIndicator")
  OpenSearchHealthIndicator opensearchHealthIndicator(OpenSearchClient client) {
    return new OpenSearchHealthIndicator(client);
  }
}
