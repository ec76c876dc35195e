package com.dbay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerlessTest {

  private static JsonNode function(String name) {
    return Cfn.resource(Cfn.logicalId(Synthesized.stack().serverless.function(name)))
        .path("Properties");
  }

  @Test
  void aFunctionThatCallsAServiceHoldsItsOwnServiceCallKeyOnly() {
    for (String caller :
        new String[] {
          "deposit-watcher", "blockchain-broadcaster", "search-indexer", "image-processor"
        }) {
      JsonNode env = function(caller).path("Environment").path("Variables");
      String own = "DBAY_CALLER_KEY_" + caller.toUpperCase().replace('-', '_');
      assertThat(env.path(own).toString()).as(caller).contains("resolve:secretsmanager");
      env.fieldNames()
          .forEachRemaining(
              name -> {
                if (name.startsWith("DBAY_CALLER_KEY_")) {
                  assertThat(name).as(caller + " holds no other part's key").isEqualTo(own);
                }
              });
    }
    JsonNode authorizer = function("authorizer").path("Environment").path("Variables");
    authorizer
        .fieldNames()
        .forEachRemaining(name -> assertThat(name).doesNotStartWith("DBAY_CALLER_KEY_"));
  }

  @Test
  void everyFunctionRunsItsHandlerFromItsModulesShadedJar() {
    for (Parts.Function part : Parts.FUNCTIONS) {
      JsonNode fn = function(part.name());
      assertThat(fn.path("Handler").asText()).isEqualTo(part.handler() + "::handleRequest");
      assertThat(fn.path("Runtime").asText()).isEqualTo("java25");
      assertThat(Files.isRegularFile(Synthesized.REPO.resolve(part.jar()))).as(part.jar()).isTrue();
      // The handler class is in that jar.
      try (var jar = new java.util.jar.JarFile(Synthesized.REPO.resolve(part.jar()).toFile())) {
        assertThat(jar.getEntry(part.handler().replace('.', '/') + ".class"))
            .as(part.handler())
            .isNotNull();
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }
    assertThat(Parts.FUNCTIONS.stream().map(Parts.Function::module).distinct()).hasSize(7);
  }

  @Test
  void eachFunctionHasARoleOfItsOwnWithoutManagedPolicies() {
    Set<String> roles = new HashSet<>();
    for (Parts.Function part : Parts.FUNCTIONS) {
      String role = Cfn.refId(function(part.name()).path("Role"));
      assertThat(roles.add(role)).as(part.name() + " shares its role").isTrue();
      assertThat(Cfn.resource(role).path("Properties").path("ManagedPolicyArns").isMissingNode())
          .as(part.name())
          .isTrue();
    }
  }

  @Test
  void everyFunctionRunsInTheVpcsPrivateSubnetsWithTheApplicationGroup() {
    String app = Cfn.logicalId(Synthesized.stack().network.app);
    for (Parts.Function part : Parts.FUNCTIONS) {
      JsonNode vpc = function(part.name()).path("VpcConfig");
      assertThat(vpc.path("SecurityGroupIds").toString()).as(part.name()).contains(app);
      assertThat(vpc.path("SubnetIds")).as(part.name()).hasSize(2);
    }
  }

  @Test
  void newPhotoOriginalsTriggerTheImageProcessorButItsOwnVariantsDoNot() {
    JsonNode notification =
        Cfn.resources("Custom::S3BucketNotifications")
            .values()
            .iterator()
            .next()
            .path("Properties");
    JsonNode config =
        notification.path("NotificationConfiguration").path("LambdaFunctionConfigurations").get(0);
    assertThat(config.path("Events").get(0).asText()).isEqualTo("s3:ObjectCreated:*");
    assertThat(Cfn.refId(config.path("LambdaFunctionArn")))
        .isEqualTo(Cfn.logicalId(Synthesized.stack().serverless.function("image-processor")));
    assertThat(config.path("Filter").toString()).contains("listings/").doesNotContain("variants/");
    assertThat(Cfn.refId(notification.path("BucketName")))
        .isEqualTo(Cfn.logicalId(Synthesized.stack().storage.images));
  }

  @Test
  void theAuthorizerIsConfiguredAsItsReadmeRequires() {
    JsonNode env = function("authorizer").path("Environment").path("Variables");
    assertThat(Cfn.refId(env.path("COGNITO_USER_POOL_ID")))
        .isEqualTo(Cfn.logicalId(Synthesized.stack().identity.userPool));
    assertThat(Cfn.refId(env.path("COGNITO_CLIENT_IDS")))
        .isEqualTo(Cfn.logicalId(Synthesized.stack().identity.webClient));
    assertThat(env.path("COGNITO_TOKEN_USES").asText()).isEqualTo("id");
    assertThat(env.path("USER_SERVICE_URL").asText())
        .isEqualTo("http://user-service.dbay.internal:8004");
    assertThat(Cfn.refId(env.path("DBAY_GATEWAY_SECRET_ARN")))
        .isEqualTo(Cfn.logicalId(Synthesized.stack().secrets.gatewaySecret));
    assertThat(env.has("DBAY_GATEWAY_SECRET")).isFalse();
  }

  @Test
  void theChainFunctionsTalkToTheWalletAndTheNode() {
    for (String name :
        new String[] {"deposit-watcher", "deposit-confirmations", "blockchain-broadcaster"}) {
      JsonNode env = function(name).path("Environment").path("Variables");
      assertThat(env.path("DBAY_WALLET_URL").asText())
          .isEqualTo("http://wallet-service.dbay.internal:8003");
      assertThat(env.path("DBAY_DOGE_RPC_URL").asText()).isNotBlank();
      assertThat(env.path("DBAY_DOGE_RPC_PASSWORD").toString()).contains("resolve:secretsmanager");
    }
    JsonNode watcher = function("deposit-watcher").path("Environment").path("Variables");
    assertThat(Cfn.refId(watcher.path("DBAY_DEPOSIT_WORKFLOW_ARN")))
        .isEqualTo(
            Cfn.logicalId(Synthesized.stack().serverless.workflow("DepositConfirmationWorkflow")));
  }
}
