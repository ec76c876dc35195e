package com.dbay.wallet.adapter.in.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CallerIdentity callerIdentity() {
    return new PlatformCallerIdentity();
  }
}
