package com.dbay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ServicesTest {

  private static JsonNode container(String service) {
    JsonNode task =
        Cfn.resource(Cfn.logicalId(Synthesized.stack().services.taskDefinitions.get(service)))
            .path("Properties");
    return task.path("ContainerDefinitions").get(0);
  }

  private static Set<String> names(JsonNode list) {
    Set<String> out = new TreeSet<>();
    list.forEach(v -> out.add(v.path("Name").asText()));
    return out;
  }

  @Test
  void everyVariableThatWouldPointAtTheDevelopersMachineIsSetInAws() {
    for (Parts.Service part : Parts.SERVICES) {
      Map<String, String> reads = ServiceVariables.of(Synthesized.REPO, part.module());
      assertThat(reads).as(part.name() + " reads its stores from DBAY_* variables").isNotEmpty();
      JsonNode container = container(part.name());
      Set<String> given = new TreeSet<>(names(container.path("Environment")));
      given.addAll(names(container.path("Secrets")));
      reads.forEach(
          (variable, fallback) -> {
            if (ServiceVariables.pointsAtThisMachine(fallback)) {
              assertThat(given)
                  .as(part.name() + " reads " + variable + " (default " + fallback + ")")
                  .contains(variable);
            }
          });
      // ...and nothing it does not read, except what the platform starter reads for every part.
      given.removeAll(reads.keySet());
      given.removeIf(AwsValues::platformReads);
      given.remove("JAVA_HEAP");
      assertThat(given).as(part.name() + ": variables it never reads").isEmpty();
    }
  }

  @Test
  void eachServiceGetsTheKeysOfTheCallersItAcceptsAndItsOwnAndNoOthers() {
    Set<String> wallet = names(container("wallet-service").path("Secrets"));
    assertThat(wallet)
        .contains(
            "DBAY_CALLER_KEY_AUCTION_SERVICE",
            "DBAY_CALLER_KEY_ORDER_SERVICE",
            "DBAY_CALLER_KEY_DEPOSIT_WATCHER",
            "DBAY_CALLER_KEY_BLOCKCHAIN_BROADCASTER",
            "DBAY_CALLER_KEY_OPERATOR")
        .doesNotContain("DBAY_CALLER_KEY_SEARCH_INDEXER", "DBAY_CALLER_KEY_IMAGE_PROCESSOR");
    assertThat(names(container("listing-service").path("Secrets")))
        .contains(
            "DBAY_CALLER_KEY_SEARCH_SERVICE",
            "DBAY_CALLER_KEY_SEARCH_INDEXER",
            "DBAY_CALLER_KEY_IMAGE_PROCESSOR",
            "DBAY_CALLER_KEY_AUCTION_SERVICE")
        .doesNotContain("DBAY_CALLER_KEY_DEPOSIT_WATCHER");
    // search-service accepts the indexer and the operator, and signs its own calls to listings.
    assertThat(names(container("search-service").path("Secrets")))
        .contains(
            "DBAY_CALLER_KEY_SEARCH_INDEXER",
            "DBAY_CALLER_KEY_OPERATOR",
            "DBAY_CALLER_KEY_SEARCH_SERVICE")
        .doesNotContain("DBAY_CALLER_KEY_AUCTION_SERVICE");
    assertThat(names(container("gateway").path("Secrets")))
        .noneMatch(n -> n.startsWith("DBAY_CALLER_KEY_"));
  }

  @Test
  void credentialsReachTheContainersOnlyAsSecrets() {
    for (Parts.Service part : Parts.SERVICES) {
      JsonNode container = container(part.name());
      for (JsonNode variable : container.path("Environment")) {
        String name = variable.path("Name").asText();
        assertThat(name)
            .as(part.name())
            .doesNotMatch(".*(PASSWORD|SECRET|_TOKEN|MONGO_URI|REDIS_URL)$");
        assertThat(variable.path("Value").toString()).doesNotContain("resolve:secretsmanager");
      }
      container
          .path("Secrets")
          .forEach(
              s -> {
                var refs =
                    java.util.regex.Pattern.compile("\"Ref\":\"(\\w+)\"")
                        .matcher(s.path("ValueFrom").toString())
                        .results()
                        .map(m -> Cfn.resource(m.group(1)).path("Type").asText())
                        .toList();
                assertThat(refs)
                    .as(part.name() + " " + s.path("Name").asText())
                    .anyMatch(t -> t.startsWith("AWS::SecretsManager::"));
              });
      assertThat(names(container.path("Secrets"))).as(part.name()).contains("DBAY_GATEWAY_SECRET");
    }
    assertThat(names(container("wallet-service").path("Secrets")))
        .contains("DBAY_PG_PASSWORD", "DBAY_REDIS_URL", "DBAY_DOGE_RPC_PASSWORD");
  }

  @Test
  void eachServiceIsHealthCheckedLoggedAndRunsPrivately() {
    Map<String, JsonNode> services = Cfn.resources("AWS::ECS::Service");
    assertThat(services).hasSize(Parts.SERVICES.size());
    services.forEach(
        (id, s) -> {
          JsonNode network =
              s.path("Properties").path("NetworkConfiguration").path("AwsvpcConfiguration");
          assertThat(network.path("AssignPublicIp").asText()).as(id).isEqualTo("DISABLED");
          assertThat(
                  s.path("Properties")
                      .path("DeploymentConfiguration")
                      .path("DeploymentCircuitBreaker")
                      .path("Rollback")
                      .asBoolean())
              .isTrue();
          assertThat(s.path("Properties").path("ServiceRegistries")).isNotEmpty();
        });
    for (Parts.Service part : Parts.SERVICES) {
      JsonNode container = container(part.name());
      assertThat(container.path("HealthCheck").path("Command").toString())
          .contains(":" + part.port() + "/actuator/health");
      assertThat(container.path("LogConfiguration").path("LogDriver").asText())
          .isEqualTo("awslogs");
      assertThat(container.path("PortMappings").get(0).path("ContainerPort").asInt())
          .isEqualTo(part.port());
    }
  }

  @Test
  void eachServiceScalesOnCpuAndOnRequestCount() {
    var policies = Cfn.resources("AWS::ApplicationAutoScaling::ScalingPolicy").values();
    long cpu =
        policies.stream()
            .filter(p -> p.toString().contains("ECSServiceAverageCPUUtilization"))
            .count();
    long requests =
        policies.stream().filter(p -> p.toString().contains("ALBRequestCountPerTarget")).count();
    assertThat(cpu).isEqualTo(Parts.SERVICES.size());
    assertThat(requests).isEqualTo(Parts.SERVICES.size());
  }

  @Test
  void theAlbRoutesEachServicesApiPrefixToIt() {
    var rules = Cfn.resources("AWS::ElasticLoadBalancingV2::ListenerRule").values();
    for (Parts.Service part : Parts.SERVICES) {
      if (part.api().isEmpty()) {
        continue;
      }
      String group = Cfn.logicalId(Synthesized.stack().services.targetGroups.get(part.name()));
      assertThat(rules)
          .as(part.name())
          .anySatisfy(
              r -> {
                assertThat(r.path("Properties").path("Conditions").toString())
                    .contains("/api/v1/" + part.api() + "/*");
                assertThat(r.path("Properties").path("Actions").toString()).contains(group);
              });
    }
    assertThat(Cfn.resources("AWS::ElasticLoadBalancingV2::LoadBalancer").values())
        .allSatisfy(
            lb -> assertThat(lb.path("Properties").path("Scheme").asText()).isEqualTo("internal"));
  }
}
