package com.dbay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

  private final String seed = Cfn.logicalId(Synthesized.stack().secrets.walletSeed);
  private final String signerRole =
      Cfn.logicalId(Synthesized.stack().serverless.role("blockchain-broadcaster"));

  @Test
  void theSeedSecretsPolicyDeniesReadingToEveryoneButTheSigner() {
    List<JsonNode> policies =
        Cfn.resources("AWS::SecretsManager::ResourcePolicy").values().stream()
            .filter(p -> Cfn.refId(p.path("Properties").path("SecretId")).equals(seed))
            .toList();
    assertThat(policies).hasSize(1);
    JsonNode statements =
        policies.get(0).path("Properties").path("ResourcePolicy").path("Statement");
    assertThat(statements).hasSize(1);
    JsonNode deny = statements.get(0);
    assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
    assertThat(deny.path("Principal").path("AWS").asText()).isEqualTo("*");
    assertThat(deny.path("Action").asText()).isEqualTo("secretsmanager:GetSecretValue");
    JsonNode exempt = deny.path("Condition").path("ArnNotEquals").path("aws:PrincipalArn");
    assertThat(Cfn.refId(exempt)).isEqualTo(signerRole);
  }

  @Test
  void noIdentityPolicyButTheSignersGrantsTheSeed() {
    List<String> holders = new ArrayList<>();
    Cfn.resources("AWS::IAM::Policy")
        .forEach(
            (id, policy) -> {
              for (JsonNode statement :
                  policy.path("Properties").path("PolicyDocument").path("Statement")) {
                if (statement.path("Resource").toString().contains("\"" + seed + "\"")) {
                  policy.path("Properties").path("Roles").forEach(r -> holders.add(Cfn.refId(r)));
                }
              }
            });
    assertThat(holders).containsOnly(signerRole).isNotEmpty();
  }

  @Test
  void theSeedHasItsOwnRotatingKeyAndIsKeptWhenTheStackGoes() {
    JsonNode secret = Cfn.resource(seed);
    assertThat(Cfn.refId(secret.path("Properties").path("KmsKeyId")))
        .isEqualTo(Cfn.logicalId(Synthesized.stack().secrets.walletSeedKey));
    assertThat(secret.path("DeletionPolicy").asText()).isEqualTo("Retain");
    assertThat(
            Cfn.resource(Cfn.logicalId(Synthesized.stack().secrets.walletSeedKey))
                .path("Properties")
                .path("EnableKeyRotation")
                .asBoolean())
        .isTrue();
  }

  @Test
  void onlyTheSignerIsToldWhereTheSeedIs() {
    Cfn.resources("AWS::Lambda::Function")
        .forEach(
            (id, fn) -> {
              boolean names =
                  fn.path("Properties")
                      .path("Environment")
                      .path("Variables")
                      .has("DBAY_WALLET_SEED_SECRET_ID");
              assertThat(names)
                  .as(id)
                  .isEqualTo(fn.path("Properties").path("Role").toString().contains(signerRole));
            });
    Cfn.resources("AWS::ECS::TaskDefinition")
        .values()
        .forEach(
            t ->
                assertThat(t.toString())
                    .doesNotContain("\"" + seed + "\"")
                    .doesNotContain("DBAY_WALLET_MNEMONIC"));
  }
}
