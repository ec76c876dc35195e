package com.dbay.listing.photo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PhotoConfiguration {

  @Bean(destroyMethod = "close")
  ObjectStore objectStore(PhotoProperties properties) {
    return new ObjectStore(properties);
  }
}
