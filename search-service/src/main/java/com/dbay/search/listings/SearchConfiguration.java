package com.dbay.search.listings;

import com.dbay.search.SearchProperties;
import java.nio.charset.StandardCharsets;
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
}
