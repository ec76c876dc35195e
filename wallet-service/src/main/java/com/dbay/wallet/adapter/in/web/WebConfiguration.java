package com.dbay.wallet.adapter.in.web;

import com.dbay.platform.identity.GatewayProof;
import com.dbay.wallet.config.WalletProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CallerIdentity callerIdentity(WalletProperties properties) {
    return new GatewayHeadersIdentity(new GatewayProof(properties.identity().gatewaySecret()), properties.identity().trustPlainHeaders());
  }

  @Bean
  FilterRegistrationBean<InternalCallerFilter> internalCallerFilter(WalletProperties properties) {
    FilterRegistrationBean<InternalCallerFilter> registration = new FilterRegistrationBean<>(new InternalCallerFilter(properties.internal().token()));
    registration.addUrlPatterns("/api/v1/wallet/internal/*");
    return registration;
  }
}
