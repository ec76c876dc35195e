package com.dbay.platform.servicecall;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Where the key material of callers comes from: the port behind which a local file (written by
 * {@code ./dbay up}, mode 0600) and, in AWS, a Secrets Manager secret holding the same {@code
 * {"<caller>": "<base64 key>"}} map are only configuration. A verifier holds the keys of the
 * callers it accepts; a caller holds only its own.
 */
@FunctionalInterface
public interface CallerKeys {

  /**
   * At least this many bytes of key: an HMAC-SHA256 key shorter than its output is weaker than it.
   */
  int MIN_KEY_BYTES = 32;

  Optional<byte[]> key(String caller);

  static CallerKeys none() {
    return caller -> Optional.empty();
  }

  /** Keys given as base64 text per caller name. */
  static CallerKeys of(Map<String, String> base64ByCaller) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    base64ByCaller.forEach((caller, text) -> keys.put(caller.strip(), decode(caller, text)));
    Map<String, byte[]> frozen = Map.copyOf(keys);
    return new CallerKeys() {
      @Override
      public Optional<byte[]> key(String caller) {
        return Optional.ofNullable(caller == null ? null : frozen.get(caller)).map(byte[]::clone);
      }

      @Override
      public Set<String> callers() {
        return frozen.keySet();
      }
    };
  }

  /** A properties file {@code <caller>=<base64 key>} per line. */
  static CallerKeys fromFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the caller keys in " + file, e);
    }
    Map<String, String> map = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
    return of(map);
  }

  /** The file named by the environment variable, or none when it is unset or blank. */
  static CallerKeys fromEnvironment(Map<String, String> env, String variable) {
    String file = env.get(variable);
    return file == null || file.isBlank() ? none() : fromFile(Path.of(file.strip()));
  }

  /**
   * Prefix of the variables that carry one caller's key each, e.g. {@code
   * DBAY_CALLER_KEY_DEPOSIT_WATCHER=<base64>}: how AWS hands keys over (ECS injects them from
   * Secrets Manager, one secret per caller; infra's AppSecrets), where no keys file exists.
   */
  String VARIABLE_PREFIX = "DBAY_CALLER_KEY_";

  /**
   * The variable that carries this caller's key: {@code auction-service} → {@code
   * ..._AUCTION_SERVICE}.
   */
  static String variable(String caller) {
    return VARIABLE_PREFIX + caller.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  /**
   * The keys of every {@code DBAY_CALLER_KEY_<NAME>} variable, except {@code excluded}'s (a part
   * does not accept calls signed with its own key); none when there is no such variable.
   */
  static CallerKeys fromKeyVariables(Map<String, String> env, String excluded) {
    Map<String, String> map = new LinkedHashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(VARIABLE_PREFIX)
              && name.length() > VARIABLE_PREFIX.length()
              && value != null
              && !value.isBlank()) {
            String caller =
                name.substring(VARIABLE_PREFIX.length())
                    .toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-');
            if (!caller.equals(excluded)) {
              map.put(caller, value);
            }
          }
        });
    return map.isEmpty() ? none() : of(map);
  }

  /**
   * Where a part finds keys: the file named by {@code fileVariable} when set (./dbay up, compose),
   * else the {@code DBAY_CALLER_KEY_*} variables (AWS), {@code excluded} left out.
   */
  static CallerKeys fromFileOrKeyVariables(
      Map<String, String> env, String fileVariable, String excluded) {
    String file = env.get(fileVariable);
    return file == null || file.isBlank()
        ? fromKeyVariables(env, excluded)
        : fromFile(Path.of(file.strip()));
  }

  /** The callers this source knows (for start-up logs); empty when it cannot list them. */
  default Set<String> callers() {
    return Set.of();
  }

  private static byte[] decode(String caller, String text) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the key of caller " + caller + " is not base64");
    }
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the key of caller "
              + caller
              + " has "
              + key.length
              + " bytes; at least "
              + MIN_KEY_BYTES
              + " are needed");
    }
    return key;
  }
}
