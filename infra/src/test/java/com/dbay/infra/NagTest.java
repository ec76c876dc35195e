package com.dbay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * cdk-nag's AWS Solutions pack runs inside synthesis (CDK's policy validation): a finding that is
 * not acknowledged with a reason in {@link NagSuppressions} fails synthesis, and this test lists
 * it.
 */
class NagTest {

  @Test
  void theStackSynthesizesWithEveryAwsSolutionsFindingFixedOrAcknowledgedWithAReason()
      throws Exception {
    Throwable failure = Synthesized.synthesisFailure();
    List<String> findings = new ArrayList<>();
    Path report = Synthesized.OUTDIR.resolve("validation-report.json");
    if (failure != null && Files.isRegularFile(report)) {
      JsonNode json = new ObjectMapper().readTree(report.toFile());
      for (JsonNode plugin : json.path("pluginReports")) {
        for (JsonNode violation : plugin.path("violations")) {
          for (JsonNode resource : violation.path("violatingConstructs")) {
            findings.add(
                violation.path("ruleName").asText()
                    + " on "
                    + resource.path("constructPath").asText());
          }
        }
      }
    }
    assertThat(findings).as("unacknowledged cdk-nag findings").isEmpty();
    assertThat(failure).as("synthesis").isNull();
  }

  @Test
  void everyAcknowledgementCarriesAReason() {
    // Ours: the AWS Solutions acknowledgements (CDK acknowledges some CloudFormation-Validate rules
    // itself).
    var acknowledged =
        Synthesized.acknowledgements().stream()
            .filter(a -> a.rule().contains("AwsSolutions-"))
            .toList();
    assertThat(acknowledged).hasSizeGreaterThan(50);
    assertThat(acknowledged)
        .allSatisfy(
            a -> assertThat(a.reason()).as(a.path() + " " + a.rule()).hasSizeGreaterThan(30));
  }
}
