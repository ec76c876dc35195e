package com.dbay.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.notifications.LambdaDestination;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * The serverless layer: the functions from their shaded jars, each with its own role that holds
 * only what it uses; their schedules and the photo trigger; and the four workflows from the very
 * ASL files the local runtime executes, with their {@code ${...}} substitutions filled.
 */
public final class Serverless extends Construct {

  /** {@code ${Name}} placeholders of an ASL file. */
  public static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

  /**
   * Functions that need nothing inside the VPC (image-processor reports to listing-service:
   * inside).
   */
  private static final List<String> OUTSIDE_VPC = List.of();

  private final Map<String, Function> functions = new LinkedHashMap<>();
  private final Map<String, Role> roles = new LinkedHashMap<>();
  private final Map<String, StateMachine> workflows = new LinkedHashMap<>();

  public record Inputs(
      Settings settings,
      Network network,
      Data data,
      AppSecrets secrets,
      Storage storage,
      Events events,
      Identity identity) {}

  public Serverless(Construct scope, String id, Inputs in) {
    super(scope, id);
    Settings settings = in.settings();
    for (Parts.Function part : Parts.FUNCTIONS) {
      Path jar = settings.repoRoot().resolve(part.jar());
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            "missing " + jar + ": build the functions first (./mvnw -DskipTests package)");
      }
      LogGroup logs =
          LogGroup.Builder.create(this, part.name() + "-logs")
              .retention(settings.prod() ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_MONTH)
              .build();
      Role role =
          Role.Builder.create(this, part.name() + "-role")
              .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
              .description(part.name() + ": its own log group, and what the function itself uses")
              .build();
      role.addToPolicy(
          PolicyStatement.Builder.create()
              .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
              .resources(List.of(logs.getLogGroupArn() + ":*"))
              .build());
      boolean inVpc = !OUTSIDE_VPC.contains(part.name());
      if (inVpc) {
        // What AWSLambdaVPCAccessExecutionRole holds: the network interfaces of a function in a
        // VPC.
        role.addToPolicy(
            PolicyStatement.Builder.create()
                .actions(
                    List.of(
                        "ec2:CreateNetworkInterface",
                        "ec2:DescribeNetworkInterfaces",
                        "ec2:DescribeSubnets",
                        "ec2:DeleteNetworkInterface",
                        "ec2:AssignPrivateIpAddresses",
                        "ec2:UnassignPrivateIpAddresses"))
                .resources(List.of("*"))
                .build());
      }
      Function.Builder fn =
          Function.Builder.create(this, part.name())
              .functionName("dbay-" + settings.envName() + "-" + part.name())
              .runtime(Runtime.JAVA_25)
              .architecture(Architecture.ARM_64)
              .handler(part.handler() + "::handleRequest")
              .code(Code.fromAsset(jar.toString()))
              .memorySize(part.memoryMiB())
              .timeout(Duration.seconds(part.timeoutSeconds()))
              .role(role)
              .logGroup(logs)
              .tracing(Tracing.ACTIVE)
              .environment(environment(part.name(), in));
      if (inVpc) {
        fn.vpc(in.network().vpc)
            .vpcSubnets(in.network().appSubnets())
            .securityGroups(List.of(in.network().app));
      }
      functions.put(part.name(), fn.build());
      roles.put(part.name(), role);
    }

    // Only blockchain-broadcaster reads the seed; the authorizer reads the proof key.
    in.secrets().seedReadableOnlyBy(roles.get("blockchain-broadcaster"));
    in.secrets().gatewaySecret.grantRead(roles.get("authorizer"));
    // It reads an original and deletes it once processed (its EXIF may hold the seller's location).
    roles
        .get("image-processor")
        .addToPolicy(
            PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:DeleteObject"))
                .resources(List.of(in.storage().images.arnForObjects("listings/*")))
                .build());
    roles
        .get("image-processor")
        .addToPolicy(
            PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject"))
                .resources(List.of(in.storage().images.arnForObjects("variants/*")))
                .build());
    roles
        .get("search-indexer")
        .addToPolicy(
            PolicyStatement.Builder.create()
                .actions(
                    List.of(
                        "es:ESHttpGet",
                        "es:ESHttpHead",
                        "es:ESHttpPost",
                        "es:ESHttpPut",
                        "es:ESHttpDelete"))
                .resources(List.of(in.data().search.getDomainArn() + "/*"))
                .build());

    // Schedules: EventBridge's finest rate is one minute (the local runtime ticks faster).
    schedule("auction-closer", Duration.minutes(1));
    schedule("deposit-watcher", Duration.minutes(1));
    // New photo originals (not the variants the function writes back) → image-processor.
    in.storage()
        .images
        .addEventNotification(
            EventType.OBJECT_CREATED,
            new LambdaDestination(function("image-processor")),
            NotificationKeyFilter.builder().prefix("listings/").build());

    for (Path asl : aslFiles(settings.repoRoot())) {
      String name = asl.getFileName().toString().replace(".asl.json", "");
      LogGroup logs =
          LogGroup.Builder.create(this, name + "-logs")
              .retention(settings.prod() ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_MONTH)
              .build();
      Map<String, String> substitutions = new TreeMap<>();
      for (String placeholder : placeholders(asl)) {
        substitutions.put(placeholder, substitutionValue(placeholder, in));
      }
      StateMachine machine =
          StateMachine.Builder.create(this, name)
              .stateMachineName("dbay-" + settings.envName() + "-" + name)
              // Inline, not an S3 asset: the template shows the definition that runs.
              .definitionBody(DefinitionBody.fromString(read(asl)))
              .definitionSubstitutions(substitutions)
              .tracingEnabled(true)
              .logs(
                  LogOptions.builder()
                      .destination(logs)
                      .level(LogLevel.ALL)
                      .includeExecutionData(true)
                      .build())
              .build();
      for (String placeholder : substitutions.keySet()) {
        if (placeholder.equals("EventBusName")) {
          in.events().bus.grantPutEventsTo(machine);
        } else {
          function(functionBySubstitution(placeholder).name()).grantInvoke(machine);
        }
      }
      workflows.put(name, machine);
    }

    // The watcher starts one DepositConfirmationWorkflow per deposit.
    StateMachine deposits = workflow("DepositConfirmationWorkflow");
    function("deposit-watcher")
        .addEnvironment("DBAY_DEPOSIT_WORKFLOW_ARN", deposits.getStateMachineArn());
    deposits.grantStartExecution(roles.get("deposit-watcher"));
  }

  public Function function(String name) {
    Function fn = functions.get(name);
    if (fn == null) {
      throw new IllegalArgumentException("no function " + name);
    }
    return fn;
  }

  public Role role(String name) {
    return roles.get(name);
  }

  public StateMachine workflow(String name) {
    StateMachine machine = workflows.get(name);
    if (machine == null) {
      throw new IllegalArgumentException("no workflow " + name);
    }
    return machine;
  }

  public Map<String, StateMachine> workflows() {
    return workflows;
  }

  public Map<String, Function> functions() {
    return functions;
  }

  public static List<Path> aslFiles(Path repoRoot) {
    try (Stream<Path> files = Files.list(repoRoot.resolve("workflows"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".asl.json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> placeholders(Path asl) {
    try {
      Matcher m = SUBSTITUTION.matcher(Files.readString(asl));
      return m.results().map(r -> r.group(1)).distinct().sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String substitutionValue(String placeholder, Inputs in) {
    if (placeholder.equals("EventBusName")) {
      return in.events().bus.getEventBusName();
    }
    return function(functionBySubstitution(placeholder).name()).getFunctionArn();
  }

  static Parts.Function functionBySubstitution(String placeholder) {
    return Parts.FUNCTIONS.stream()
        .filter(f -> f.substitution().equals(placeholder))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "an ASL file names ${"
                        + placeholder
                        + "}, which is no function of Parts.FUNCTIONS"));
  }

  private void schedule(String function, Duration every) {
    Rule.Builder.create(this, function + "-schedule")
        .description(function + " every " + every.toHumanString())
        .schedule(Schedule.rate(every))
        .targets(
            List.of(LambdaFunction.Builder.create(function(function)).retryAttempts(0).build()))
        .build();
  }

  /**
   * Each function's variables: the names its code reads (see lambdas/README.md and each module's
   * README).
   */
  private static Map<String, String> environment(String function, Inputs in) {
    Settings s = in.settings();
    Map<String, String> env = new TreeMap<>();
    String walletUrl = Parts.service("wallet-service").internalUrl();
    Map<String, String> chain =
        Map.of(
            "DBAY_DOGE_RPC_URL", s.dogeRpcUrl(),
            "DBAY_DOGE_NETWORK", s.dogeNetwork(),
            "DBAY_DOGE_RPC_USER",
                in.secrets().dogeRpc.secretValueFromJson("username").unsafeUnwrap(),
            "DBAY_DOGE_RPC_PASSWORD",
                in.secrets().dogeRpc.secretValueFromJson("password").unsafeUnwrap(),
            "DBAY_BLOCK_INTERVAL_SECONDS", "60");
    // A function that calls a service's internal endpoints signs with its own key (the platform's
    // ServiceCallSigner reads DBAY_CALLER_KEY_<FUNCTION>), resolved at deploy like the node login.
    var ownKey = in.secrets().callerKeys.get(function);
    if (ownKey != null) {
      env.put(CallerKeyTable.variable(function), ownKey.getSecretValue().unsafeUnwrap());
    }
    switch (function) {
      case "authorizer" -> {
        env.put("COGNITO_USER_POOL_ID", in.identity().userPool.getUserPoolId());
        env.put("COGNITO_CLIENT_IDS", String.join(",", in.identity().clientIds()));
        env.put("COGNITO_TOKEN_USES", "id");
        env.put("USER_SERVICE_URL", Parts.service("user-service").internalUrl());
        env.put("DBAY_GATEWAY_SECRET_ARN", in.secrets().gatewaySecret.getSecretArn());
      }
      case "deposit-watcher", "deposit-confirmations" -> {
        env.putAll(chain);
        env.put("DBAY_WALLET_URL", walletUrl);
        env.put("DBAY_DEPOSIT_WATCHER_CURSOR", "/tmp/deposit-watcher.cursor");
        env.put(
            "DBAY_SFN_ENDPOINT",
            "https://states." + Stack.of(in.events()).getRegion() + ".amazonaws.com/");
      }
      case "blockchain-broadcaster" -> {
        env.putAll(chain);
        env.put("DBAY_WALLET_URL", walletUrl);
        env.put("DBAY_WALLET_SEED_SECRET_ID", in.secrets().walletSeed.getSecretArn());
      }
      case "auction-closer", "auction-settlement" -> {
        env.put("DBAY_AUCTION_URL", Parts.service("auction-service").internalUrl());
        env.put("DBAY_WALLET_URL", walletUrl);
        env.put("DBAY_ORDER_URL", Parts.service("order-service").internalUrl());
      }
      case "search-indexer" -> {
        env.put("DBAY_OPENSEARCH_URL", "https://" + in.data().search.getDomainEndpoint());
        env.put("DBAY_LISTING_URL", Parts.service("listing-service").internalUrl());
      }
      case "image-processor" -> {
        env.put("DBAY_S3_IMAGE_BUCKET", in.storage().images.getBucketName());
        env.put("DBAY_S3_REGION", Stack.of(in.events()).getRegion());
        env.put("DBAY_LISTING_URL", Parts.service("listing-service").internalUrl());
      }
      case "websocket-handler" ->
          env.put("DBAY_USER_URL", Parts.service("user-service").internalUrl());
      default -> {}
    }
    return env;
  }
}
