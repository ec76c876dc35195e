package com.dbay.platform.servicecall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one table of every part's internal endpoints and who may call each ({@code
 * dbay/internal-endpoints.tsv} in this jar): services check their {@code @InternalApi} declarations
 * against it, {@code ./dbay} hands out keys by it, the security suite attacks every row of it.
 */
public final class InternalEndpoints {

  public static final String RESOURCE = "dbay/internal-endpoints.tsv";

  public record Endpoint(String part, String method, String path, Set<String> callers) {}

  private InternalEndpoints() {}

  public static List<Endpoint> all() {
    try (InputStream in = InternalEndpoints.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is part of dbay-platform-core");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Endpoint> of(String part) {
    return all().stream().filter(e -> e.part().equals(part)).toList();
  }

  static List<Endpoint> parse(String text) {
    List<Endpoint> endpoints = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        if (cells.length != 4) {
          throw new IllegalStateException(
              RESOURCE + " line " + number + ": expected 4 tab-separated cells");
        }
        Set<String> callers =
            new LinkedHashSet<>(
                Arrays.stream(cells[3].split(","))
                    .map(String::strip)
                    .filter(c -> !c.isEmpty())
                    .toList());
        endpoints.add(
            new Endpoint(
                cells[0].strip(), cells[1].strip(), cells[2].strip(), Set.copyOf(callers)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(endpoints);
  }
}
