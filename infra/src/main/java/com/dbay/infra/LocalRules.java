package com.dbay.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The bus rules the local runtime routes by ({@code dbay.serverless.events.rules} in {@code
 * lambdas/local-runtime/src/main/resources/application.yml}). The EventBridge rules are built from
 * the same list, so a rule added for one machine exists in AWS too.
 *
 * @param name rule name
 * @param sources the pattern's {@code source} values
 * @param detailTypes the pattern's {@code detail-type} values
 * @param targetKind {@code function}, {@code workflow} or {@code sqs}
 * @param target the function or workflow name, or the queue's local name
 */
public record LocalRules(
    String name, List<String> sources, List<String> detailTypes, String targetKind, String target) {

  @SuppressWarnings("unchecked")
  public static List<LocalRules> read(Path repoRoot) {
    Path yml = repoRoot.resolve("lambdas/local-runtime/src/main/resources/application.yml");
    Map<String, Object> root;
    try {
      root = new Yaml().load(Files.readString(yml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> events =
        (Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) root.get("dbay")).get("serverless"))
                .get("events");
    ObjectMapper json = new ObjectMapper();
    List<LocalRules> out = new ArrayList<>();
    for (Map<String, Object> rule : (List<Map<String, Object>>) events.get("rules")) {
      try {
        JsonNode pattern = json.readTree(rule.get("pattern").toString());
        String[] target = rule.get("target").toString().split(":", 2);
        out.add(
            new LocalRules(
                rule.get("name").toString(),
                strings(pattern.get("source")),
                strings(pattern.get("detail-type")),
                target[0],
                // "sqs:${DBAY_SQS_NOTIFICATION_QUEUE:dbay-notifications}": the local default names
                // it.
                target[1].replaceAll("\\$\\{[A-Z0-9_]+:([^}]*)}", "$1")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
