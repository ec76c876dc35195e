package com.dbay.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * DBay in one AWS account and region: one construct per concern, in the order they depend on each
 * other.
 */
public final class DbayStack extends Stack {

  public final Network network;
  public final AppSecrets secrets;
  public final Data data;
  public final Storage storage;
  public final Email email;
  public final Identity identity;
  public final Events events;
  public final Serverless serverless;
  public final Services services;
  public final DatabaseSetup databaseSetup;
  public final Edge edge;
  public final Observability observability;

  public DbayStack(Construct scope, String id, StackProps props, Settings settings) {
    super(scope, id, props);
    network = new Network(this, "Network", settings);
    secrets = new AppSecrets(this, "Secrets", settings);
    data = new Data(this, "Data", network, settings);
    storage = new Storage(this, "Storage", settings);
    email = new Email(this, "Email", settings);
    identity = new Identity(this, "Identity", settings);
    events = new Events(this, "Events", settings);
    serverless =
        new Serverless(
            this,
            "Serverless",
            new Serverless.Inputs(settings, network, data, secrets, storage, events, identity));
    events.route(LocalRules.read(settings.repoRoot()), serverless);
    services =
        new Services(
            this,
            "Services",
            new Services.Inputs(
                settings, network, data, secrets, storage, events, identity, email));
    databaseSetup = new DatabaseSetup(this, "DatabaseSetup", settings, network, data, services);
    edge = new Edge(this, "Edge", new Edge.Inputs(settings, services, serverless, storage));
    observability =
        new Observability(
            this,
            "Observability",
            new Observability.Inputs(settings, events, serverless, services, edge));
    // The gateway's CORS origin is the web app's own (CloudFront serves the SPA and /api together).
    services
        .taskDefinitions
        .get("gateway")
        .getDefaultContainer()
        .addEnvironment(
            "DBAY_CORS_ORIGINS", "https://" + edge.distribution.getDistributionDomainName());
    // The links in notification emails point at the web app.
    services
        .taskDefinitions
        .get("notification-service")
        .getDefaultContainer()
        .addEnvironment("DBAY_WEB_URL", "https://" + edge.distribution.getDistributionDomainName());
    NagSuppressions.apply(this, settings);

    output(
        "WebAppUrl",
        "https://" + edge.distribution.getDistributionDomainName(),
        "the SPA and /api (CloudFront)");
    output("ApiUrl", edge.api.getUrl(), "the REST API stage (CloudFront forwards /api/* to it)");
    output("WebSocketUrl", edge.webSocketStage.getUrl(), "VITE_WS_URL of the SPA build");
    output("UserPoolId", identity.userPool.getUserPoolId(), "VITE_COGNITO_USER_POOL_ID");
    output("UserPoolClientId", identity.webClient.getUserPoolClientId(), "VITE_COGNITO_CLIENT_ID");
    output("WebAppBucket", storage.spa.getBucketName(), "aws s3 sync frontend/dist s3://<this>");
    output("ImagesBucket", storage.images.getBucketName(), "listing photos");
    output(
        "WalletSeedSecretArn", secrets.walletSeed.getSecretArn(), "put the mnemonic here (README)");
    output("DogeRpcSecretArn", secrets.dogeRpc.getSecretArn(), "the Dogecoin node's RPC login");
    output("ClusterName", services.cluster.getClusterName(), "ECS cluster");
    output(
        "DatabaseSetupTask",
        databaseSetup.task.getTaskDefinitionArn(),
        "run once before the services start (README)");
    output(
        "AppSubnets",
        String.join(",", network.vpc.selectSubnets(network.appSubnets()).getSubnetIds()),
        "for aws ecs run-task");
    output("AppSecurityGroup", network.app.getSecurityGroupId(), "for aws ecs run-task");
    output("AlarmTopicArn", observability.alarms.getTopicArn(), "subscribe on-call here");
  }

  private void output(String id, String value, String description) {
    CfnOutput.Builder.create(this, id).value(value).description(description).build();
  }
}
