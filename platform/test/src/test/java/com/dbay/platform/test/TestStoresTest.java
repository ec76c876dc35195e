package com.dbay.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestStoresTest {

  @AfterEach
  void restore() {
    TestStores.useSystemEnvironment();
  }

  @Test
  void readsTheEnvironmentContract() {
    TestStores.useEnvironment(
        Map.of(
            "DBAY_PG_HOST",
            "db",
            "DBAY_PG_PORT",
            "5432",
            "DBAY_PG_DB_PREFIX",
            "h1_",
            "DBAY_REDIS_URL",
            "redis://r:6379/1",
            "DBAY_OPENSEARCH_URL",
            "http://os:9300"));

    assertThat(TestStores.jdbcUrl("listing")).isEqualTo("jdbc:postgresql://db:5432/h1_listing");
    assertThat(TestStores.redisUrl()).isEqualTo("redis://r:6379/1");
    assertThat(TestStores.opensearchUrl()).isEqualTo("http://os:9300");
  }

  @Test
  void fallsBackToTheServicesDefaultsWhenUnsetOrBlank() {
    TestStores.useEnvironment(Map.of("DBAY_PG_HOST", " "));

    assertThat(TestStores.jdbcUrl("wallet"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:15432/dbay_wallet");
    assertThat(TestStores.mongoUri()).isEqualTo("mongodb://127.0.0.1:27017");
    assertThat(TestStores.memcachedServers()).isEqualTo("127.0.0.1:11211");
    assertThat(TestStores.pgUser()).isEqualTo("dbay");
  }
}
