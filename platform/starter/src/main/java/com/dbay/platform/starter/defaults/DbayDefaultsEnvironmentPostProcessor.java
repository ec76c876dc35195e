package com.dbay.platform.starter.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code dbay-defaults.properties} as the LAST property source, so a service's own {@code
 * application.yml}, its environment variables and command line all override it. Runs before the
 * logging system starts, so the structured log format applies from the first line.
 */
public class DbayDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  public static final String NAME = "dbay-defaults";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(NAME)) {
      return;
    }
    try {
      for (PropertySource<?> source :
          new PropertiesPropertySourceLoader()
              .load(NAME, new ClassPathResource("dbay-defaults.properties"))) {
        environment.getPropertySources().addLast(source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("dbay-defaults.properties is part of the platform starter", e);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
