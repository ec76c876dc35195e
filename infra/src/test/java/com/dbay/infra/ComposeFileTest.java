package com.dbay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot drift from the application: Debian's docker-compose validates it (no
 * engine needed), and every part's variables, port and module must match what that part reads.
 */
class ComposeFileTest {

  static final Path REPO = Synthesized.REPO;

  /** Parts built from the Dockerfile, by compose service name → module folder. */
  static final Map<String, String> PARTS = parts();

  private static Map<String, Object> services;

  private static Map<String, String> parts() {
    Map<String, String> parts = new TreeMap<>();
    Parts.SERVICES.forEach(s -> parts.put(s.name(), s.module()));
    parts.put("serverless-runtime", "lambdas/local-runtime");
    parts.put("dogecoin-devnode", "devstack/dogecoin-devnode");
    return parts;
  }

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void validateWithDockerCompose() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                "docker-compose", "-f", REPO.resolve("docker-compose.yml").toString(), "config")
            .directory(REPO.toFile())
            .redirectErrorStream(false);
    // The per-install secrets compose insists on (it refuses to start without them).
    pb.environment().put("DBAY_GATEWAY_SECRET", "compose-config-check-gateway-secret");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError(
          "docker-compose is not installed: apt-get install -y docker-compose (.ci/run does)", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("docker-compose config: " + err).isZero();
    Map<String, Object> config = new Yaml().load(out);
    services = (Map<String, Object>) config.get("services");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) {
    Map<String, Object> s = (Map<String, Object>) services.get(name);
    assertThat(s).as("compose service " + name).isNotNull();
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(String name) {
    Object env = service(name).get("environment");
    Map<String, String> out = new TreeMap<>();
    if (env instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(k.toString(), v == null ? "" : v.toString()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> buildArgs(String name) {
    Map<String, Object> build = (Map<String, Object>) service(name).get("build");
    Map<String, String> out = new TreeMap<>();
    ((Map<String, Object>) build.get("args")).forEach((k, v) -> out.put(k, v.toString()));
    return out;
  }

  @Test
  void composeRunsEveryPartTheStoresTheStandInsAndTheDevChain() {
    assertThat(services).containsKeys(PARTS.keySet().toArray(String[]::new));
    assertThat(services)
        .containsKeys(
            "postgres",
            "redis",
            "memcached",
            "mongo",
            "opensearch",
            "s3",
            "ses",
            "sqs",
            "dogecoin-devnode");
    PARTS.forEach(
        (name, module) -> assertThat(buildArgs(name)).as(name).containsEntry("MODULE", module));
  }

  @Test
  void eachPartListensOnThePortItsConfigurationNames() throws IOException {
    for (Parts.Service part : Parts.SERVICES) {
      assertThat(buildArgs(part.name()).get("PORT"))
          .as(part.name())
          .isEqualTo(String.valueOf(configuredPort(part.module())));
      assertThat(part.port())
          .as("infra's port of " + part.name())
          .isEqualTo(configuredPort(part.module()));
    }
    assertThat(buildArgs("serverless-runtime").get("PORT"))
        .isEqualTo(String.valueOf(configuredPort("lambdas/local-runtime")));
  }

  @Test
  void onlyTheGatewayAndTheBrowserFacingStandInsPublishPorts() {
    Set<String> publishing = new TreeSet<>();
    services.forEach(
        (name, s) -> {
          if (((Map<?, ?>) s).containsKey("ports")) {
            publishing.add(name);
          }
        });
    assertThat(publishing).containsExactlyInAnyOrder("gateway", "s3", "ses");
    assertThat(service("gateway").get("ports").toString()).contains("8000");
  }

  @Test
  void everyVariableAPartIsGivenIsOneItReads() throws IOException {
    for (var part : PARTS.entrySet()) {
      Set<String> reads = reads(part.getValue()).keySet();
      assertThat(environment(part.getKey()).keySet())
          .as(part.getKey() + ": variables it never reads")
          .isSubsetOf(reads);
    }
  }

  @Test
  void everyVariableThatWouldPointAtTheHostIsSetToAContainer() throws IOException {
    for (var part : PARTS.entrySet()) {
      Map<String, String> env = environment(part.getKey());
      reads(part.getValue())
          .forEach(
              (variable, fallback) -> {
                if (ServiceVariables.pointsAtThisMachine(fallback)) {
                  assertThat(env)
                      .as(part.getKey() + " reads " + variable + " (default " + fallback + ")")
                      .containsKey(variable);
                }
              });
    }
  }

  @Test
  void everyAddressOfAnotherPartNamesAComposeServiceAndItsPort() {
    Pattern url = Pattern.compile("^[a-z]+://(?:[^@/]*@)?([a-z0-9-]+):(\\d+)");
    for (String part : PARTS.keySet()) {
      environment(part)
          .forEach(
              (variable, value) -> {
                Matcher m = url.matcher(value);
                // CORS origins and the web app's address in mails are the browser's view of the
                // gateway (localhost), not a container address.
                if (m.find()
                    && !variable.equals("DBAY_CORS_ORIGINS")
                    && !variable.equals("DBAY_WEB_URL")) {
                  assertThat(services.keySet()).as(part + " " + variable).contains(m.group(1));
                  String host = m.group(1);
                  int port = Integer.parseInt(m.group(2));
                  if (PARTS.containsKey(host)) {
                    assertThat(buildArgs(host).get("PORT"))
                        .as(part + " " + variable)
                        .isEqualTo(String.valueOf(port));
                  }
                }
              });
    }
  }

  @Test
  void partsWaitForHealthyStoresAndKeepTheirDataInVolumes() {
    for (String part : PARTS.keySet()) {
      if (part.equals("dogecoin-devnode")) {
        continue;
      }
      assertThat(service(part).get("depends_on").toString())
          .as(part)
          .contains("redis")
          .contains("service_healthy");
    }
    for (String store :
        List.of(
            "postgres",
            "redis",
            "mongo",
            "opensearch",
            "s3",
            "dogecoin-devnode",
            "serverless-runtime")) {
      assertThat(service(store).get("volumes")).as(store).isNotNull();
    }
  }

  @Test
  void theImageRunsAsAnUnprivilegedUserWithAHealthCheckAndTheFlagsOfDbay() throws IOException {
    String dockerfile = Files.readString(REPO.resolve("Dockerfile"));
    String dbay = Files.readString(REPO.resolve("dbay"));
    Matcher flags = Pattern.compile("DEFAULT_JVM_OPTS='([^']*)'").matcher(dbay);
    assertThat(flags.find()).isTrue();
    Matcher opts = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(dockerfile);
    assertThat(opts.find()).isTrue();
    // ./dbay adds compact object headers on JDK 25, which the image runs.
    assertThat(opts.group(1)).isEqualTo(flags.group(1) + " -XX:+UseCompactObjectHeaders");
    assertThat(dockerfile).containsPattern("(?m)^USER 10001$").containsPattern("(?m)^HEALTHCHECK ");
    assertThat(dockerfile).contains("JAVA_HEAP=\"-Xms32m -Xmx256m\"");
  }

  @Test
  void postgresGetsTheSameDatabasesAsDbayUp() throws IOException {
    String sql = Files.readString(REPO.resolve("devstack/docker/postgres-init.sql"));
    Set<String> created = new TreeSet<>();
    Pattern.compile("CREATE DATABASE dbay_(\\w+);")
        .matcher(sql)
        .results()
        .forEach(m -> created.add(m.group(1)));
    assertThat(created).containsExactlyInAnyOrderElementsOf(DatabaseSetup.DATABASES);
  }

  /** server.port's default in the module's application.yml. */
  static int configuredPort(String module) throws IOException {
    String yml =
        Files.readString(REPO.resolve(module).resolve("src/main/resources/application.yml"));
    Matcher m =
        Pattern.compile("(?m)^server:\\s*\\n\\s+port:\\s*\\$\\{[A-Z_]+:(\\d+)}").matcher(yml);
    assertThat(m.find()).as(module + " server.port").isTrue();
    return Integer.parseInt(m.group(1));
  }

  /**
   * What a part reads: its application.yml placeholders and the DBAY_* names its code asks the
   * environment for; the platform starter's for parts built on it; the functions' for the runtime.
   */
  static Map<String, String> reads(String module) throws IOException {
    Map<String, String> reads = new TreeMap<>(ServiceVariables.of(REPO, module));
    literals(REPO.resolve(module).resolve("src/main/java")).forEach(v -> reads.putIfAbsent(v, ""));
    if (Files.readString(REPO.resolve(module).resolve("pom.xml"))
        .contains("<artifactId>dbay-platform-starter</artifactId>")) {
      literals(REPO.resolve("platform/starter/src/main/java"))
          .forEach(v -> reads.putIfAbsent(v, ""));
      literals(REPO.resolve("platform/core/src/main/java")).forEach(v -> reads.putIfAbsent(v, ""));
    }
    if (module.equals("lambdas/local-runtime")) {
      // The functions it hosts sign their calls with platform/core's ServiceCallSigner.
      literals(REPO.resolve("platform/core/src/main/java")).forEach(v -> reads.putIfAbsent(v, ""));
      try (Stream<Path> dirs = Files.list(REPO.resolve("lambdas"))) {
        for (Path dir : dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java"))).toList()) {
          literals(dir.resolve("src/main/java")).forEach(v -> reads.putIfAbsent(v, ""));
        }
      }
    }
    return reads;
  }

  private static Set<String> literals(Path sources) throws IOException {
    Set<String> out = new TreeSet<>();
    if (!Files.isDirectory(sources)) {
      return out;
    }
    Pattern literal = Pattern.compile("\"(DBAY_[A-Z0-9_]+)\"");
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        literal.matcher(Files.readString(f)).results().forEach(m -> out.add(m.group(1)));
      }
    }
    return out;
  }
}
