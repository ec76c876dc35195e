package com.dbay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The state machines are the very ASL files the local runtime executes, substitutions filled. */
class WorkflowsTest {

  @Test
  void eachWorkflowFileBecomesOneStateMachine() {
    List<Path> files = Serverless.aslFiles(Synthesized.REPO);
    assertThat(files).hasSize(4);
    assertThat(Cfn.resources("AWS::StepFunctions::StateMachine")).hasSize(files.size());
    assertThat(Synthesized.stack().serverless.workflows().keySet())
        .containsExactlyInAnyOrder(
            "AuctionCloseWorkflow",
            "DepositConfirmationWorkflow",
            "DisputeWorkflow",
            "WithdrawalWorkflow");
  }

  @Test
  void eachDefinitionEqualsItsAslFileAfterSubstitution() throws Exception {
    var stack = Synthesized.stack();
    for (Path file : Serverless.aslFiles(Synthesized.REPO)) {
      String name = file.getFileName().toString().replace(".asl.json", "");
      JsonNode machine =
          Cfn.resource(Cfn.logicalId(stack.serverless.workflow(name))).path("Properties");
      JsonNode substitutions = machine.path("DefinitionSubstitutions");
      String expected = Files.readString(file);
      // Substitute as Step Functions does at deploy time, each value rendered as what it names.
      String deployed = substitute(machine.path("DefinitionString").asText(), substitutions);
      String fromFile = substitute(expected, substitutions);
      assertThat(Cfn.JSON.readTree(deployed)).as(name).isEqualTo(Cfn.JSON.readTree(fromFile));
      assertThat(deployed).as(name).doesNotContain("${");

      // Each function placeholder is the ARN of the function of that name; EventBusName is DBay's
      // bus.
      substitutions
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("EventBusName")) {
                  assertThat(Cfn.refId(e.getValue())).isEqualTo(Cfn.logicalId(stack.events.bus));
                } else {
                  String function = Serverless.functionBySubstitution(e.getKey()).name();
                  assertThat(e.getValue().path("Fn::GetAtt").get(0).asText())
                      .as(e.getKey())
                      .isEqualTo(Cfn.logicalId(stack.serverless.function(function)));
                  assertThat(e.getValue().path("Fn::GetAtt").get(1).asText()).isEqualTo("Arn");
                }
              });
      List<String> given = new ArrayList<>();
      substitutions.fieldNames().forEachRemaining(given::add);
      assertThat(given).containsExactlyInAnyOrderElementsOf(Serverless.placeholders(file));
    }
  }

  @Test
  void eachWorkflowMayInvokeExactlyTheFunctionsItNames() {
    var stack = Synthesized.stack();
    for (Path file : Serverless.aslFiles(Synthesized.REPO)) {
      String name = file.getFileName().toString().replace(".asl.json", "");
      String role =
          Cfn.refId(
              Cfn.resource(Cfn.logicalId(stack.serverless.workflow(name)))
                  .path("Properties")
                  .path("RoleArn"));
      StringBuilder granted = new StringBuilder();
      Cfn.resources("AWS::IAM::Policy").values().stream()
          .filter(p -> p.path("Properties").path("Roles").toString().contains("\"" + role + "\""))
          .forEach(p -> granted.append(p.path("Properties").path("PolicyDocument")));
      for (Parts.Function fn : Parts.FUNCTIONS) {
        boolean named = Serverless.placeholders(file).contains(fn.substitution());
        String id = Cfn.logicalId(stack.serverless.function(fn.name()));
        assertThat(granted.toString().contains("\"" + id + "\""))
            .as(name + " → " + fn.name())
            .isEqualTo(named);
      }
    }
  }

  @Test
  void failedExecutionsAreLoggedAndTraced() {
    Cfn.resources("AWS::StepFunctions::StateMachine")
        .forEach(
            (id, m) -> {
              assertThat(
                      m.path("Properties").path("TracingConfiguration").path("Enabled").asBoolean())
                  .as(id)
                  .isTrue();
              assertThat(m.path("Properties").path("LoggingConfiguration").path("Level").asText())
                  .isEqualTo("ALL");
            });
  }

  private static String substitute(String text, JsonNode substitutions) {
    Matcher m = Serverless.SUBSTITUTION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonNode value = substitutions.path(m.group(1));
      String rendered = value.isMissingNode() ? m.group() : "<" + Cfn.refId(value) + ">";
      m.appendReplacement(out, Matcher.quoteReplacement(rendered));
    }
    return m.appendTail(out).toString();
  }
}
