package com.dbay.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;
import software.constructs.MetadataEntry;

/**
 * The dev stack, synthesized once per test JVM (one synthesis costs tens of seconds of jsii round
 * trips on two cores; every test class reads the same template).
 */
final class Synthesized {

  static final Path REPO = Settings.findRepoRoot(Path.of("").toAbsolutePath());
  static final Path OUTDIR = REPO.resolve("infra/target/cdk.out");
  static final String WALLET_XPUB =
      "tpubDCLWAMz8iRrbZ39BLZzKNpxi3GJULLttVrWt8t5obo71DXtjULJYesLtqpSaHx1ZQstzszGKDfbSCQPasqngc9VeHR6gM46hVwsXSvtQrHF";

  private static DbayStack stack;
  private static Template template;
  private static Throwable failure;

  private Synthesized() {}

  static synchronized DbayStack stack() {
    if (stack == null) {
      App app =
          new App(
              AppProps.builder()
                  .outdir(OUTDIR.toString())
                  .context(
                      Map.of(
                          "env",
                          "dev",
                          "repoRoot",
                          REPO.toString(),
                          "walletAccountXpub",
                          WALLET_XPUB,
                          // Reference the jars and the Dockerfile where they are instead of copying
                          // them per synthesis.
                          "aws:cdk:disable-asset-staging",
                          true))
                  .build());
      stack = DbayApp.build(app);
    }
    return stack;
  }

  /** Synthesis runs cdk-nag: its findings make it fail. */
  static synchronized Throwable synthesisFailure() {
    synthesize();
    return failure;
  }

  private static void synthesize() {
    if (template == null && failure == null) {
      try {
        template = Template.fromStack(stack());
      } catch (RuntimeException e) {
        failure = e;
      }
    }
  }

  static synchronized Template template() {
    synthesize();
    if (template == null) {
      throw new AssertionError("the stack does not synthesize (see NagTest)", failure);
    }
    return template;
  }

  record Acknowledgement(String path, String rule, String reason) {}

  static List<Acknowledgement> acknowledgements() {
    List<Acknowledgement> out = new ArrayList<>();
    for (IConstruct c : stack().getNode().findAll()) {
      for (MetadataEntry entry : c.getNode().getMetadata()) {
        if (Validations.ACKNOWLEDGED_RULES_METADATA_KEY.equals(entry.getType())) {
          if (entry.getData() instanceof Map<?, ?> byRule) {
            byRule.forEach(
                (rule, reason) ->
                    out.add(new Acknowledgement(c.getNode().getPath(), rule + "", reason + "")));
          } else {
            out.add(
                new Acknowledgement(c.getNode().getPath(), "?", String.valueOf(entry.getData())));
          }
        }
      }
    }
    return out;
  }
}
