package com.dbay.platform.test;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The test flag of the gateway-secret check: this jar is only ever on test class paths, so a
 * service started by a test may use the committed development secret (a test run of {@code ./dbay
 * test} exports a random one anyway), while a deployed service never can.
 */
public class TestSecretsEnvironmentPostProcessor implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "dbay-test-secrets", Map.of("dbay.identity.allow-development-secret", "true")));
  }
}
