package com.dbay.lambda.localruntime.executor;

import com.dbay.lambda.asl.AslDefinitionException;
import com.dbay.lambda.asl.AslParser;
import com.dbay.lambda.asl.StateMachine;
import com.dbay.lambda.localruntime.ServerlessProperties;
import com.dbay.lambda.localruntime.functions.FunctionRegistry;
import com.dbay.lambda.localruntime.functions.LocalFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The workflows this runtime can start: every {@code *.asl.json} packaged from {@code workflows/}
 * plus those of an optional extra folder. The {@code ${...}FunctionArn} substitutions CDK fills in
 * are filled here with the hosted functions' ARNs, then each definition is validated; one that does
 * not validate stops the runtime from starting, naming every problem.
 */
@Component
public class StateMachineRegistry {

  private static final Logger log = LoggerFactory.getLogger(StateMachineRegistry.class);
  private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  public record Definition(
      String name, String arn, String text, StateMachine machine, Instant created) {}

  private final Map<String, Definition> byName = new TreeMap<>();
  private final Map<String, String> substitutions = new LinkedHashMap<>();
  private final TaskIntegrations integrations;
  private final ServerlessProperties properties;

  public StateMachineRegistry(
      ServerlessProperties properties, FunctionRegistry functions, TaskIntegrations integrations)
      throws IOException {
    this.properties = properties;
    this.integrations = integrations;
    for (LocalFunction f : functions.all()) {
      substitutions.put(f.substitutionKey(), functions.arn(f.name()));
    }
    substitutions.put("EventBusName", "dbay");
    Resource[] packaged =
        new PathMatchingResourcePatternResolver().getResources("classpath*:workflows/*.asl.json");
    for (Resource r : packaged) {
      register(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8));
    }
    if (properties.workflowsDir() != null && !properties.workflowsDir().isBlank()) {
      try (Stream<Path> files = Files.list(Path.of(properties.workflowsDir()))) {
        for (Path p :
            files.filter(f -> f.getFileName().toString().endsWith(".asl.json")).sorted().toList()) {
          register(p.getFileName().toString(), Files.readString(p));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read workflows from " + properties.workflowsDir(), e);
      }
    }
    log.info("state machines: {}", byName.keySet());
  }

  private void register(String fileName, String text) {
    String name = fileName.substring(0, fileName.length() - ".asl.json".length());
    try {
      Definition definition = load(name, text);
      byName.put(name, definition);
    } catch (AslDefinitionException e) {
      throw new IllegalStateException(
          "workflow " + fileName + " is rejected: " + e.getMessage(), e);
    }
  }

  /** Substitutes and validates; throws {@link AslDefinitionException} naming every problem. */
  public Definition load(String name, String text) {
    String substituted = substitute(text);
    Matcher left = SUBSTITUTION.matcher(substituted);
    if (left.find()) {
      throw new AslDefinitionException(
          java.util.List.of(
              "unresolved substitution "
                  + left.group()
                  + " (known: "
                  + substitutions.keySet()
                  + ")"));
    }
    StateMachine machine = AslParser.parse(substituted, integrations.check());
    return new Definition(name, arn(name), substituted, machine, Instant.now());
  }

  /**
   * Parses a definition kept with an execution. It was validated when the execution started; a
   * function it names that is no longer hosted fails that Task at run time
   * (Lambda.ResourceNotFoundException, which a Catch can handle), as in AWS, instead of making the
   * execution unloadable.
   */
  public StateMachine parseStored(String text) {
    return AslParser.parse(text, AslParser.ResourceCheck.ANY);
  }

  String substitute(String text) {
    Matcher m = SUBSTITUTION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = substitutions.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  public String arn(String name) {
    return "arn:aws:states:"
        + properties.region()
        + ":"
        + properties.account()
        + ":stateMachine:"
        + name;
  }

  public String executionArn(String machine, String executionName) {
    return "arn:aws:states:"
        + properties.region()
        + ":"
        + properties.account()
        + ":execution:"
        + machine
        + ":"
        + executionName;
  }

  public Optional<Definition> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Optional<Definition> byArn(String arn) {
    if (arn == null) {
      return Optional.empty();
    }
    int i = arn.lastIndexOf(":stateMachine:");
    return i < 0 ? byName(arn) : byName(arn.substring(i + ":stateMachine:".length()));
  }

  public Collection<Definition> all() {
    return byName.values();
  }
}
