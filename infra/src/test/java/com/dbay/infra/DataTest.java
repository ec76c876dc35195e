package com.dbay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataTest {

  private static JsonNode props(String type) {
    Map<String, JsonNode> r = Cfn.resources(type);
    assertThat(r).as(type).hasSize(1);
    return r.values().iterator().next().path("Properties");
  }

  @Test
  void noStoreIsReachableFromTheInternet() {
    assertThat(props("AWS::RDS::DBInstance").path("PubliclyAccessible").asBoolean(true)).isFalse();
    // Every store's security group admits the application group only: no CIDR range at all.
    String app = Cfn.logicalId(Synthesized.stack().network.app);
    Set<String> storeGroups = new HashSet<>();
    Cfn.resources("AWS::EC2::SecurityGroup")
        .forEach(
            (id, g) -> {
              if (g.path("Properties")
                  .path("GroupDescription")
                  .asText()
                  .matches("DBay (Postgres|DocumentDb|OpenSearch|Redis|Memcached):.*")) {
                storeGroups.add(id);
                assertThat(g.path("Properties").path("SecurityGroupIngress").isMissingNode())
                    .as(id)
                    .isTrue();
              }
            });
    assertThat(storeGroups).hasSize(5);
    List<JsonNode> ingress =
        Cfn.resources("AWS::EC2::SecurityGroupIngress").values().stream()
            .map(i -> i.path("Properties"))
            .filter(p -> storeGroups.contains(Cfn.refId(p.path("GroupId"))))
            .toList();
    assertThat(ingress)
        .hasSize(5)
        .allSatisfy(
            p -> {
              assertThat(p.has("CidrIp")).isFalse();
              assertThat(Cfn.refId(p.path("SourceSecurityGroupId"))).isEqualTo(app);
            });
  }

  @Test
  void theStoresLiveInIsolatedSubnetsWithoutARouteOut() {
    Set<String> isolated = new HashSet<>();
    Synthesized.stack()
        .network
        .vpc
        .getIsolatedSubnets()
        .forEach(s -> isolated.add(Cfn.logicalId(s)));
    assertThat(isolated).hasSize(2);
    JsonNode pgSubnets = props("AWS::RDS::DBSubnetGroup").path("SubnetIds");
    JsonNode docSubnets = props("AWS::DocDB::DBSubnetGroup").path("SubnetIds");
    JsonNode cacheSubnets = props("AWS::ElastiCache::SubnetGroup").path("SubnetIds");
    for (JsonNode list : List.of(pgSubnets, docSubnets, cacheSubnets)) {
      list.forEach(s -> assertThat(isolated).contains(Cfn.refId(s)));
    }
    props("AWS::OpenSearchService::Domain")
        .path("VPCOptions")
        .path("SubnetIds")
        .forEach(s -> assertThat(isolated).contains(Cfn.refId(s)));
    // No route of an isolated subnet's table goes anywhere (no NAT, no internet gateway).
    Cfn.resources("AWS::EC2::Route")
        .values()
        .forEach(
            r ->
                assertThat(r.path("Properties").path("RouteTableId").toString())
                    .doesNotContainIgnoringCase("data"));
  }

  @Test
  void everyStoreIsEncryptedAtRestAndInTransit() {
    assertThat(props("AWS::RDS::DBInstance").path("StorageEncrypted").asBoolean()).isTrue();
    assertThat(
            props("AWS::RDS::DBParameterGroup").path("Parameters").path("rds.force_ssl").asText())
        .isEqualTo("1");
    assertThat(props("AWS::DocDB::DBCluster").path("StorageEncrypted").asBoolean()).isTrue();
    assertThat(props("AWS::DocDB::DBClusterParameterGroup").path("Parameters").path("tls").asText())
        .isEqualTo("enabled");
    JsonNode search = props("AWS::OpenSearchService::Domain");
    assertThat(search.path("EncryptionAtRestOptions").path("Enabled").asBoolean()).isTrue();
    assertThat(search.path("NodeToNodeEncryptionOptions").path("Enabled").asBoolean()).isTrue();
    assertThat(search.path("DomainEndpointOptions").path("EnforceHTTPS").asBoolean()).isTrue();
    JsonNode redis = props("AWS::ElastiCache::ReplicationGroup");
    assertThat(redis.path("AtRestEncryptionEnabled").asBoolean()).isTrue();
    assertThat(redis.path("TransitEncryptionEnabled").asBoolean()).isTrue();
    assertThat(redis.path("AuthToken").toString()).contains("resolve:secretsmanager");
    assertThat(props("AWS::ElastiCache::CacheCluster").path("TransitEncryptionEnabled").asBoolean())
        .isTrue();
    Cfn.resources("AWS::S3::Bucket")
        .forEach(
            (id, b) ->
                assertThat(b.path("Properties").path("BucketEncryption").isMissingNode())
                    .as(id)
                    .isFalse());
    Cfn.resources("AWS::SQS::Queue")
        .forEach(
            (id, q) ->
                assertThat(q.path("Properties").path("SqsManagedSseEnabled").asBoolean())
                    .as(id)
                    .isTrue());
  }

  @Test
  void credentialsAreGeneratedIntoSecretsManagerNotWrittenIntoTheTemplate() {
    assertThat(props("AWS::RDS::DBInstance").path("MasterUserPassword").toString())
        .contains("resolve:secretsmanager");
    assertThat(props("AWS::DocDB::DBCluster").path("MasterUserPassword").toString())
        .contains("resolve:secretsmanager");
    // The composed connection strings reference the generated secrets; no literal password
    // anywhere.
    JsonNode mongo =
        Cfn.resource(Cfn.logicalId(Synthesized.stack().data.mongoUri))
            .path("Properties")
            .path("SecretString");
    assertThat(mongo.toString()).contains("resolve:secretsmanager").contains("tls=true");
  }

  @Test
  void theDatabaseSetupTaskCreatesTheSameDatabasesAsDbayUp() throws Exception {
    String dbay = java.nio.file.Files.readString(Synthesized.REPO.resolve("dbay"));
    var m = java.util.regex.Pattern.compile("PG_DATABASES='([^']*)'").matcher(dbay);
    assertThat(m.find()).isTrue();
    assertThat(DatabaseSetup.DATABASES).containsExactly(m.group(1).trim().split("\\s+"));
    String command =
        Cfn.resource(Cfn.logicalId(Synthesized.stack().databaseSetup.task))
            .path("Properties")
            .path("ContainerDefinitions")
            .get(0)
            .path("Command")
            .toString();
    DatabaseSetup.DATABASES.forEach(db -> assertThat(command).contains("dbay_" + db));
  }
}
