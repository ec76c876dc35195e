package com.dbay.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;

/**
 * The stores an integration test talks to, from the same environment variables the services read
 * ({@code DBAY_PG_*}, {@code DBAY_REDIS_URL}, {@code DBAY_MONGO_URI}, {@code DBAY_OPENSEARCH_URL},
 * {@code DBAY_MEMCACHED_SERVERS}), with the same defaults as the services' {@code application.yml}.
 * {@code ./dbay test} starts the stores once per run and exports these; a developer exports their
 * own (e.g. {@code DBAY_PG_DB_PREFIX=h1_ DBAY_PG_PORT=5432
 * DBAY_REDIS_URL=redis://127.0.0.1:6379/1}).
 */
public final class TestStores {

  private static volatile Function<String, String> env = System::getenv;

  private TestStores() {}

  /** For tests of this class only. */
  static void useEnvironment(Map<String, String> variables) {
    env = variables::get;
  }

  static void useSystemEnvironment() {
    env = System::getenv;
  }

  public static String get(String name, String fallback) {
    String value = env.apply(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  public static String pgHost() {
    return get("DBAY_PG_HOST", "127.0.0.1");
  }

  public static int pgPort() {
    return Integer.parseInt(get("DBAY_PG_PORT", "15432"));
  }

  public static String pgUser() {
    return get("DBAY_PG_USER", "dbay");
  }

  public static String pgPassword() {
    return get("DBAY_PG_PASSWORD", "");
  }

  public static String pgDbPrefix() {
    return get("DBAY_PG_DB_PREFIX", "dbay_");
  }

  /** The database of a service short name, e.g. {@code listing} → {@code dbay_listing}. */
  public static String database(String service) {
    return pgDbPrefix() + service;
  }

  public static String jdbcUrl(String service) {
    return "jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/" + database(service);
  }

  public static String redisUrl() {
    return get("DBAY_REDIS_URL", "redis://127.0.0.1:16379");
  }

  public static String mongoUri() {
    return get("DBAY_MONGO_URI", "mongodb://127.0.0.1:27017");
  }

  public static String opensearchUrl() {
    return get("DBAY_OPENSEARCH_URL", "http://127.0.0.1:9200");
  }

  public static String memcachedServers() {
    return get("DBAY_MEMCACHED_SERVERS", "127.0.0.1:11211");
  }

  /**
   * Creates the service's database if it does not exist yet (needs the PostgreSQL driver on the
   * test classpath, which every service has). Safe to call from several test JVMs at once.
   */
  public static void ensureDatabase(String service) {
    String name = database(service);
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("unexpected database name " + name);
    }
    String url = "jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/postgres";
    try (Connection connection = DriverManager.getConnection(url, pgUser(), pgPassword());
        var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      if (exists.executeQuery().next()) {
        return;
      }
      try (var create = connection.createStatement()) {
        create.execute("CREATE DATABASE " + name);
      }
    } catch (SQLException e) {
      if ("42P04".equals(e.getSQLState()) || "23505".equals(e.getSQLState())) {
        return; // created by a concurrent run meanwhile
      }
      throw new IllegalStateException(
          "cannot reach or prepare PostgreSQL database "
              + name
              + " at "
              + url
              + " (set DBAY_PG_HOST/PORT/USER/PASSWORD/DB_PREFIX)",
          e);
    }
  }
}
