package com.dbay.wallet.config;

import com.dbay.wallet.adapter.in.web.CallerIdentity;
import com.dbay.wallet.adapter.in.web.InternalCallerFilter;
import com.dbay.wallet.adapter.in.web.PlatformCallerIdentity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web adapter's beans. Here, in the composition root, rather than in the adapter: the adapter
 * then needs nothing from {@code config} (no cycle between the two).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CallerIdentity callerIdentity() {
    return new PlatformCallerIdentity();
  }

  @Bean
  FilterRegistrationBean<InternalCallerFilter> internalCallerFilter(WalletProperties properties) {
    FilterRegistrationBean<InternalCallerFilter> registration = new FilterRegistrationBean<>(new InternalCallerFilter(properties.internal().token()));
    registration.addUrlPatterns("/api/v1/wallet/internal/*");
    return registration;
  }
}
