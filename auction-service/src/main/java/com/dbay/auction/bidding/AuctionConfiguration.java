package com.dbay.auction.bidding;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuctionConfiguration.AuctionProperties.class)
class AuctionConfiguration {

  /**
   * The soft-close rule: {@code dbay.auction.soft-close-window} and {@code max-total-extension}.
   */
  @ConfigurationProperties("dbay.auction")
  record AuctionProperties(Duration softCloseWindow, Duration maxTotalExtension) {
    AuctionProperties {
      softCloseWindow =
          softCloseWindow == null ? AuctionRules.DEFAULT.softCloseWindow() : softCloseWindow;
      maxTotalExtension =
          maxTotalExtension == null ? AuctionRules.DEFAULT.maxTotalExtension() : maxTotalExtension;
    }
  }

  @Bean
  AuctionRules auctionRules(AuctionProperties properties) {
    return new AuctionRules(properties.softCloseWindow(), properties.maxTotalExtension());
  }

  /** The server's clock decides when a bid arrived, never the browser's. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
