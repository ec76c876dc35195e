package com.dbay.lambda.localruntime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the runtime's own database when it does not exist yet, before Flyway runs, so that a
 * fresh store (./dbay up, a test run) needs no manual step.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseBootstrap {

  private static final Logger log = LoggerFactory.getLogger(DatabaseBootstrap.class);
  private static final Pattern URL =
      Pattern.compile("jdbc:postgresql://([^/]+)/([A-Za-z0-9_]+)(\\?.*)?");

  @Bean
  static BeanPostProcessor ensureDatabaseExists(
      org.springframework.core.env.Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource) {
          create(
              environment.getProperty("spring.datasource.url"),
              environment.getProperty("spring.datasource.username"),
              environment.getProperty("spring.datasource.password", ""));
        }
        return bean;
      }
    };
  }

  static void create(String url, String user, String password) {
    if (url == null) {
      return;
    }
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      return;
    }
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      return;
    } catch (SQLException e) {
      if (!"3D000".equals(e.getSQLState())) {
        return;
      }
    }
    String admin = "jdbc:postgresql://" + m.group(1) + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, user, password)) {
      c.createStatement().execute("create database " + m.group(2));
      log.info("created database {}", m.group(2));
    } catch (SQLException e) {
      log.warn("could not create database {}: {}", m.group(2), e.getMessage());
    }
  }
}
