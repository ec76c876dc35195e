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
  /**
   * @param walletUrl wallet-service, for the bidders' holds ({@code DBAY_WALLET_URL})
   * @param listingUrl listing-service, for the hidden reserve ({@code DBAY_LISTING_URL})
   * @param reconcileAfter how long a bidder's hold may disagree with the auction before the
   *     reconciler sets it right (a crash between the wallet call and the commit, a wallet outage)
   */
  @ConfigurationProperties("dbay.auction")
  record AuctionProperties(
      Duration softCloseWindow,
      Duration maxTotalExtension,
      String walletUrl,
      String listingUrl,
      Duration reconcileAfter) {
    AuctionProperties {
      softCloseWindow =
          softCloseWindow == null ? AuctionRules.DEFAULT.softCloseWindow() : softCloseWindow;
      maxTotalExtension =
          maxTotalExtension == null ? AuctionRules.DEFAULT.maxTotalExtension() : maxTotalExtension;
      walletUrl = walletUrl == null ? "http://127.0.0.1:8003" : walletUrl;
      listingUrl = listingUrl == null ? "http://127.0.0.1:8001" : listingUrl;
      reconcileAfter = reconcileAfter == null ? Duration.ofSeconds(30) : reconcileAfter;
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
