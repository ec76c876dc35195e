package com.dbay.search.listings;

import com.dbay.search.SearchProperties;
import com.dbay.search.indexing.IndexNames;
import com.dbay.search.indexing.OpenSearchHttp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

  /**
   * Cursors are signed with {@code dbay.search.cursor-secret}, else with a key derived from the
   * per-install gateway secret, so every instance accepts the others' cursors without one more
   * secret to manage.
   */
  @Bean
  SearchCursor searchCursor(SearchProperties properties, Environment environment) throws Exception {
    if (!properties.cursorSecret().isBlank()) {
      return new SearchCursor(properties.cursorSecret().getBytes(StandardCharsets.UTF_8));
    }
    String gateway =
        environment.getProperty(
            "dbay.identity.gateway-secret",
            environment.getProperty(
                "DBAY_GATEWAY_SECRET", "dbay-dev-gateway-secret-not-for-production-0123456789"));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(gateway.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return new SearchCursor(mac.doFinal("dbay.search.cursor".getBytes(StandardCharsets.UTF_8)));
  }

  /** The in-memory titles answering suggestions; rebuilt after 5,000 changed listings. */
  @Bean
  TitleSuggestions titleSuggestions() {
    return new TitleSuggestions(5_000);
  }

  @Bean
  @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
      name = "dbay.search.suggest-in-memory",
      havingValue = "true",
      matchIfMissing = true)
  TitleSuggestionFeed titleSuggestionFeed(
      OpenSearchHttp opensearch,
      IndexNames names,
      TitleSuggestions titles,
      SearchProperties properties) {
    return new TitleSuggestionFeed(opensearch, names, titles, Clock.systemUTC(), properties);
  }
}
