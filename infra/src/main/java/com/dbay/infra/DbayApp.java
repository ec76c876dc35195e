package com.dbay.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.Validations;

/**
 * The CDK app: {@code Dbay-<env>} for the context's environment ({@code -c env=dev|prod}), checked
 * by cdk-nag's AWS Solutions pack at synthesis (a finding without a justified suppression fails
 * {@code cdk synth}).
 */
public final class DbayApp {

  private DbayApp() {}

  public static void main(String[] args) {
    App app = new App();
    build(app);
    app.synth();
  }

  public static DbayStack build(App app) {
    Settings settings = Settings.from(app.getNode());
    StackProps.Builder props =
        StackProps.builder().description("DBay auction marketplace (" + settings.envName() + ")");
    String account = System.getenv("CDK_DEFAULT_ACCOUNT");
    String region = System.getenv("CDK_DEFAULT_REGION");
    if (account != null && region != null) {
      props.env(Environment.builder().account(account).region(region).build());
    }
    DbayStack stack = new DbayStack(app, "Dbay-" + settings.envName(), props.build(), settings);
    Tags.of(stack).add("project", "dbay");
    Tags.of(stack).add("environment", settings.envName());
    Validations.of(app)
        .addPlugins(new AwsSolutionsChecks(app, NagPackProps.builder().verbose(true).build()));
    return stack;
  }
}
