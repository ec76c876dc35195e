package com.dbay.wallet.adapter.in.web;

import com.dbay.wallet.config.WalletProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
