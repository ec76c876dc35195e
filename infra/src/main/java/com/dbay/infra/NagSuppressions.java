package com.dbay.infra;

import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * Every cdk-nag (AWS Solutions) finding DBay accepts, each acknowledged on the construct it is
 * about with the reason beside it. A finding not acknowledged here fails {@code cdk synth} and
 * {@code NagTest}. Findings that only hold for {@code dev} (sizes chosen for cost) are acknowledged
 * only there.
 */
final class NagSuppressions {

  private NagSuppressions() {}

  static void apply(DbayStack stack, Settings settings) {
    // Secrets: rotation.
    for (IConstruct secret :
        new IConstruct[] {
          stack.secrets.gatewaySecret,
          stack.secrets.dogeRpc,
          stack.secrets.walletSeed,
          stack.data.postgres.getSecret(),
          stack.data.documentDb.getSecret(),
          stack.data.mongoUri,
          stack.data.redisUrl,
          stack.data.getNode().findChild("RedisAuthToken")
        }) {
      accept(
          secret,
          "AwsSolutions-SMG4",
          "The services read credentials at start; rotating them needs a rolling restart of "
              + "every reader (and, for the seed and the node login, an operator action), so rotation is an operator procedure "
              + "(README, Deploy to AWS), not a schedule.");
    }
    for (IConstruct secret : stack.secrets.callerKeys.values()) {
      accept(
          secret,
          "AwsSolutions-SMG4",
          "The services read credentials at start; rotating them needs a rolling restart of "
              + "every reader (and, for the seed and the node login, an operator action), so rotation is an operator procedure "
              + "(README, Deploy to AWS), not a schedule.");
    }

    // Network.
    accept(
        stack.services.alb,
        "AwsSolutions-ELB2",
        "Internal ALB behind API Gateway: every request is in the API's access "
            + "log (JSON, with request id); ELB access logs need a region-bound log-delivery principal this env-agnostic stack cannot name.");
    accept(
        stack.services.nlb,
        "AwsSolutions-ELB2",
        "Internal NLB that only carries the API Gateway VPC link to the ALB; see the API access log.");

    // Data.
    accept(
        stack.data.postgres,
        "AwsSolutions-RDS11",
        "Port 5432: the database is in isolated subnets behind a security "
            + "group that admits only the application group; a non-default port adds no protection.");
    accept(
        stack.data.documentDb,
        "AwsSolutions-DOC2",
        "Port 27017: isolated subnets, security group admits only the application group.");
    accept(
        stack.data.documentDb,
        "AwsSolutions-DOC3",
        "The master password is generated into Secrets Manager; see SMG4 for rotation.");
    accept(
        stack.data.redis,
        "AwsSolutions-AEC5",
        "Port 6379: isolated subnets, security group admits only the application group; AUTH and TLS on.");
    accept(
        stack.data.memcached,
        "AwsSolutions-AEC5",
        "Port 11211: isolated subnets, security group admits only the application group.");
    accept(
        stack.data.search,
        "AwsSolutions-OS3",
        "The domain is VPC-only: reachable from the isolated subnets through a "
            + "security group that admits only the application group (IP allow-lists do not apply to VPC domains).");
    accept(
        stack.data.search,
        "AwsSolutions-OS5",
        "The search client speaks plain HTTPS without SigV4; access is limited to the "
            + "VPC and the application security group. Fine-grained access with an internal user is a follow-up.");
    accept(
        stack.data.search,
        "AwsSolutions-OS4",
        "No dedicated master nodes: a one- or two-node domain holds a rebuildable "
            + "index (the listings are in PostgreSQL; search-indexer refills it).");
    if (!settings.prod()) {
      accept(
          stack.data.postgres,
          "AwsSolutions-RDS3",
          "dev: single-AZ to halve the cost; prod is Multi-AZ.");
      accept(
          stack.data.postgres,
          "AwsSolutions-RDS10",
          "dev: deletion protection off so that a dev stack can be destroyed; on in prod.");
      accept(
          stack.data.redis,
          "AwsSolutions-AEC4",
          "dev: one node; prod runs two with automatic fail-over across AZs.");
      accept(
          stack.data.search,
          "AwsSolutions-OS7",
          "dev: one data node; prod spreads two across two AZs.");
      accept(
          stack.identity.userPool,
          "AwsSolutions-COG8",
          "dev: Essentials plan; prod uses Plus (threat protection).");
    }

    // Edge.
    accept(
        stack.edge.api,
        "AwsSolutions-COG4",
        "Every method has the DBay Lambda REQUEST authorizer, which validates the "
            + "Cognito id token itself and also resolves the app user and signs the gateway proof the services verify; a "
            + "Cognito authorizer could do neither.");
    accept(
        stack.edge.api,
        "AwsSolutions-APIG2",
        "HTTP proxy to the services, which validate every request body and answer "
            + "RFC 9457 problem+json with per-field errors; API Gateway models would duplicate (and drift from) them.");
    accept(
        stack.edge.api,
        "AwsSolutions-APIG3",
        "No WAF web ACL by default (it costs per rule and request): the stage "
            + "throttles, the usage plan caps API-key clients, and the gateway's per-user rate limits apply behind it. "
            + "Attach a regional web ACL to the stage where the threat model asks for one.");
    for (String route :
        new String[] {"$disconnect-Route", "subscribe-Route", "unsubscribe-Route"}) {
      accept(
          stack.edge.webSocket.getNode().findChild(route),
          "AwsSolutions-APIG4",
          "A WebSocket API authorizes once, on "
              + "$connect (the DBay authorizer); later messages travel on that authorized connection.");
    }
    accept(
        stack.edge.distribution,
        "AwsSolutions-CFR1",
        "A worldwide marketplace: no geographic restriction.");
    accept(
        stack.edge.distribution,
        "AwsSolutions-CFR2",
        "No WAF web ACL by default (cost); see APIG3. A CLOUDFRONT-scope web ACL "
            + "must live in us-east-1 and is attached by the operator where wanted.");
    accept(
        stack.edge.distribution,
        "AwsSolutions-CFR4",
        "The default *.cloudfront.net certificate allows TLSv1 for old clients; "
            + "with a custom domain and ACM certificate the viewer policy is TLSv1.2_2021 (follow-up: domain context values).");
    accept(
        stack.identity.userPool,
        "AwsSolutions-COG2",
        "MFA is offered (TOTP) but not forced on every buyer; money paths "
            + "re-check the account, and withdrawals above the threshold need an admin.");
    for (String event : new String[] {"authenticate", "createIndex", "dropCollection"}) {
      accept(
          stack.data.documentDb,
          "AwsSolutions-DOC5[LogExport::" + event + "]",
          "audit_logs is enabled in the cluster "
              + "parameter group (a token the rule cannot read) and the audit log is exported to CloudWatch.");
    }
    accept(
        stack.edge.api,
        "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]",
        "API Gateway's account-level CloudWatch role uses AWS's own policy for pushing logs.");

    // Containers: configuration as environment, credentials as secrets.
    for (IConstruct task : stack.services.taskDefinitions.values()) {
      accept(
          task,
          "AwsSolutions-ECS2",
          "Plain environment variables carry only addresses and names (hosts, ports, bus and "
              + "bucket names); every credential is a Secrets Manager secret in the container's secrets.");
      accept(
          task,
          "AwsSolutions-IAM5[Resource::*]",
          "The execution role's ecr:GetAuthorizationToken has no resource-level permission.");
      accept(
          task,
          "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:stateMachine:dbay-"
              + settings.envName()
              + "-*]",
          "Services answer workflow task tokens (SendTaskSuccess/Failure/Heartbeat) of this "
              + "deployment's state machines only, named by their prefix.");
    }
    accept(
        stack.databaseSetup.task,
        "AwsSolutions-ECS2",
        "PGHOST/PGPORT/PGSSLMODE only; the login is a Secrets Manager secret.");
    accept(
        stack.databaseSetup.task,
        "AwsSolutions-IAM5[Resource::*]",
        "ecr:GetAuthorizationToken has no resource-level permission.");
    IConstruct listing = stack.services.taskDefinitions.get("listing-service");
    accept(
        listing,
        "AwsSolutions-IAM5[Resource::<StorageImagesCFC0E004.Arn>/listings/*]",
        "Photo originals: the service stores and deletes them.");
    accept(
        listing,
        "AwsSolutions-IAM5[Resource::<StorageImagesCFC0E004.Arn>/variants/*]",
        "Photo variants: the service deletes them with their photo.");
    accept(
        stack.services.taskDefinitions.get("order-service"),
        "AwsSolutions-IAM5[Resource::<StorageImagesCFC0E004.Arn>/disputes/*]",
        "Dispute evidence images under disputes/<dispute>/<evidence>: the service writes and reads them.");

    // Functions.
    for (String name : stack.serverless.functions().keySet()) {
      IConstruct role = stack.serverless.role(name);
      accept(
          role,
          "AwsSolutions-IAM5[Resource::*]",
          "X-Ray PutTraceSegments/PutTelemetryRecords and, for functions in the "
              + "VPC, the EC2 network-interface actions have no resource-level permissions.");
      String logs =
          stack
              .resolve(
                  ((software.amazon.awscdk.services.logs.LogGroup)
                          stack.serverless.getNode().findChild(name + "-logs"))
                      .getLogGroupArn())
              .toString();
      accept(
          role,
          "AwsSolutions-IAM5[Resource::<" + logicalIdOf(logs) + ".Arn>:*]",
          "Log streams of the function's own log group.");
    }
    accept(
        stack.serverless.role("image-processor"),
        "AwsSolutions-IAM5[Resource::<StorageImagesCFC0E004.Arn>/listings/*]",
        "Reads the photo originals under listings/ (any listing, any photo) and deletes each once processed.");
    accept(
        stack.serverless.role("image-processor"),
        "AwsSolutions-IAM5[Resource::<StorageImagesCFC0E004.Arn>/variants/*]",
        "Writes the photo variants under variants/ only; it never reads or deletes there.");
    accept(
        stack.serverless.role("search-indexer"),
        "AwsSolutions-IAM5[Resource::<DataOpenSearch70C3854A.Arn>/*]",
        "Index requests on DBay's own search domain (its indexes are only reachable below the domain ARN).");
    accept(
        stack.serverless.role("websocket-handler"),
        "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<EdgeWebSocket465F6A5D>/*/*/@connections/*]",
        "Posts to the connections of DBay's own WebSocket API, any stage.");
    for (var workflow : stack.serverless.workflows().values()) {
      accept(
          workflow,
          "AwsSolutions-IAM5[Resource::*]",
          "X-Ray and CloudWatch Logs delivery actions of Step Functions have no resource-level permissions.");
    }
    acceptFunctionVersions(stack);

    accept(
        stack.events.targetDeadLetters,
        "AwsSolutions-SQS3",
        "This queue is itself the dead-letter queue of the bus rules' targets.");

    // Constructs CDK adds for us: the bucket-notification and log-policy helpers.
    for (String helper :
        new String[] {
          "BucketNotificationsHandler050a0587b7544547bf325f094a3db834",
          "AWS679f53fac002430cb0da5b7982bd2287"
        }) {
      IConstruct found = stack.getNode().tryFindChild(helper);
      if (found != null) {
        accept(
            found,
            "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
            "CDK's own deploy-time helper function (bucket notifications / OpenSearch log policy), run only by CloudFormation.");
        accept(
            found,
            "AwsSolutions-IAM5[Resource::*]",
            "CDK's own deploy-time helper: s3:PutBucketNotification and logs:PutResourcePolicy take no resource ARN.");
        accept(
            found,
            "AwsSolutions-L1",
            "CDK's own deploy-time helper; its runtime is chosen by aws-cdk-lib.");
      }
    }
    accept(
        stack.data.search,
        "AwsSolutions-IAM5[Resource::*]",
        "CDK's log-policy helper: logs:PutResourcePolicy takes no resource ARN.");
  }

  private static void acceptFunctionVersions(DbayStack stack) {
    for (var entry : stack.serverless.workflows().entrySet()) {
      for (var fn : stack.serverless.functions().values()) {
        String id = logicalIdOf(stack.resolve(fn.getFunctionArn()).toString());
        accept(
            entry.getValue(),
            "AwsSolutions-IAM5[Resource::<" + id + ".Arn>:*]",
            "Versions and aliases of the functions the workflow calls.");
      }
    }
  }

  /** {Fn::GetAtt=[LogicalId, Arn]} → LogicalId. */
  private static String logicalIdOf(String resolved) {
    int open = resolved.indexOf('[');
    int comma = resolved.indexOf(',', open);
    return resolved.substring(open + 1, comma).trim();
  }

  static void accept(IConstruct scope, String rule, String reason) {
    if (rule.split("::", -1).length > 2) {
      // CDK's acknowledge() reserves "::" for a pack prefix, so a granular finding whose resource
      // holds
      // pseudo-parameters (<AWS::Region>) cannot pass through it; cdk-nag reads the same metadata
      // entry
      // (ids → reasons) that acknowledge() writes, so this one is written directly.
      scope
          .getNode()
          .addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, Map.of(rule, reason));
      return;
    }
    String id = rule.contains("[") ? rule : "AwsSolutions::" + rule;
    Validations.of(scope).acknowledge(Acknowledgment.builder().id(id).reason(reason).build());
  }
}
