package com.dbay.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code DBAY_*} variables a part reads, with their defaults, taken from its {@code
 * src/main/resources/application.yml}. Deployments give values only to what a part reads, and the
 * tests check that every variable whose default points at this machine gets one.
 */
public final class ServiceVariables {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{(DBAY_[A-Z0-9_]+)(?::([^}]*))?}");

  private ServiceVariables() {}

  /** Variable name → default ("" when none), for the module's application.yml. */
  public static Map<String, String> of(Path repoRoot, String module) {
    Path yml = repoRoot.resolve(module).resolve("src/main/resources/application.yml");
    if (!Files.isRegularFile(yml)) {
      return Map.of();
    }
    try {
      Map<String, String> read = parse(Files.readString(yml));
      // The platform starter's shared defaults (e.g. DBAY_BIND_ADDRESS) are read by every service
      // on it.
      Path pom = repoRoot.resolve(module).resolve("pom.xml");
      Path defaults =
          repoRoot.resolve("platform/starter/src/main/resources/dbay-defaults.properties");
      if (Files.isRegularFile(pom)
          && Files.readString(pom).contains("<artifactId>dbay-platform-starter</artifactId>")
          && Files.isRegularFile(defaults)) {
        parse(Files.readString(defaults)).forEach(read::putIfAbsent);
      }
      return read;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> parse(String text) {
    Map<String, String> out = new TreeMap<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      out.putIfAbsent(m.group(1), m.group(2) == null ? "" : m.group(2));
    }
    return out;
  }

  /** A default that reaches into this machine: in any other topology the variable must be set. */
  public static boolean pointsAtThisMachine(String defaultValue) {
    return defaultValue.contains("127.0.0.1") || defaultValue.contains("localhost");
  }
}
