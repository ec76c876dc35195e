package com.dbay.search.internal;

import com.dbay.search.SearchProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InternalCallerConfiguration {

  @Bean
  FilterRegistrationBean<InternalCallerFilter> internalCallerFilter(SearchProperties properties) {
    FilterRegistrationBean<InternalCallerFilter> registration =
        new FilterRegistrationBean<>(new InternalCallerFilter(properties.internalToken()));
    registration.addUrlPatterns(InternalCallerFilter.PREFIX + "*");
    return registration;
  }
}
