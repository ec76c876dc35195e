package com.dbay.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * platform/core's {@code dbay/internal-endpoints.tsv} as deployment reads it: which calling parts
 * exist (one key each), which of them each part accepts, and the variable that carries a key
 * ({@code DBAY_CALLER_KEY_<CALLER>}, read by the platform's {@code CallerKeys}). The same table
 * ./dbay and compose hand keys out by.
 */
final class CallerKeyTable {

  static final String TABLE = "platform/core/src/main/resources/dbay/internal-endpoints.tsv";
  static final String VARIABLE_PREFIX = "DBAY_CALLER_KEY_";

  /** The operator's tools sign too (e.g. ./dbay reindex), even where no row names them yet. */
  static final String OPERATOR = "operator";

  private final Map<String, Set<String>> trustedBy = new TreeMap<>();
  private final Set<String> callers = new TreeSet<>();

  private CallerKeyTable() {}

  static CallerKeyTable read(Path repoRoot) {
    CallerKeyTable table = new CallerKeyTable();
    table.callers.add(OPERATOR);
    try {
      for (String line : Files.readAllLines(repoRoot.resolve(TABLE))) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        if (cells.length != 4) {
          throw new IllegalArgumentException(TABLE + ": not 4 columns: " + line);
        }
        for (String caller : cells[3].split(",")) {
          table.callers.add(caller.strip());
          table.trustedBy.computeIfAbsent(cells[0], p -> new TreeSet<>()).add(caller.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TABLE, e);
    }
    return table;
  }

  /** Every part that signs calls: one key (one secret) each. */
  Set<String> callers() {
    return callers;
  }

  /** The callers whose keys this part needs to verify its internal endpoints. */
  Set<String> trustedBy(String part) {
    return trustedBy.getOrDefault(part, Set.of());
  }

  static String variable(String caller) {
    return VARIABLE_PREFIX + caller.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
