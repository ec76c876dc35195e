package com.dbay.user;

import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class UserConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Hashes carry their scheme ({bcrypt}...), so a later move to Argon2 can upgrade on login. */
  @Bean
  PasswordEncoder passwordEncoder(UserProperties properties) {
    return new DelegatingPasswordEncoder(
        "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(properties.bcryptCost())));
  }
}
