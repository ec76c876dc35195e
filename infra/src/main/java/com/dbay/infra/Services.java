package com.dbay.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CloudMapOptions;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetGroupsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.elasticloadbalancingv2.targets.AlbListenerTarget;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.servicediscovery.PrivateDnsNamespace;
import software.constructs.Construct;

/**
 * The nine Spring Boot parts on ECS Fargate, in private subnets. API Gateway reaches them through a
 * VPC link to an internal NLB, which forwards to an internal ALB that routes {@code
 * /api/v1/<service>/*} to each service (and scales on its request count). Services call each other
 * by Cloud Map names. Each container gets the {@code DBAY_*} variables its application.yml reads:
 * store addresses as plain values, credentials from Secrets Manager.
 */
public final class Services extends Construct {

  public final Cluster cluster;
  public final ApplicationLoadBalancer alb;
  public final NetworkLoadBalancer nlb;
  public final Map<String, FargateService> services = new LinkedHashMap<>();
  public final Map<String, ApplicationTargetGroup> targetGroups = new LinkedHashMap<>();
  public final Map<String, FargateTaskDefinition> taskDefinitions = new LinkedHashMap<>();

  public record Inputs(
      Settings settings,
      Network network,
      Data data,
      AppSecrets secrets,
      Storage storage,
      Events events,
      Identity identity,
      Email email) {}

  public Services(Construct scope, String id, Inputs in) {
    super(scope, id);
    Settings settings = in.settings();
    cluster =
        Cluster.Builder.create(this, "Cluster")
            .vpc(in.network().vpc)
            .containerInsightsV2(ContainerInsights.ENABLED)
            .build();
    PrivateDnsNamespace namespace =
        PrivateDnsNamespace.Builder.create(this, "Namespace")
            .name(Parts.NAMESPACE)
            .vpc(in.network().vpc)
            .build();

    SecurityGroup albGroup =
        SecurityGroup.Builder.create(this, "AlbSecurityGroup")
            .vpc(in.network().vpc)
            .description(
                "internal ALB: HTTP from inside the VPC (the NLB of the API Gateway VPC link)")
            .allowAllOutbound(true)
            .build();
    albGroup.addIngressRule(Peer.ipv4(Network.CIDR), Port.tcp(80), "NLB and VPC");
    alb =
        ApplicationLoadBalancer.Builder.create(this, "Alb")
            .vpc(in.network().vpc)
            .internetFacing(false)
            .vpcSubnets(in.network().appSubnets())
            .securityGroup(albGroup)
            .dropInvalidHeaderFields(true)
            .build();
    ApplicationListener listener =
        alb.addListener(
            "Http",
            software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps
                .builder()
                .port(80)
                .protocol(ApplicationProtocol.HTTP)
                .open(false)
                .build());
    in.network()
        .app
        .addIngressRule(albGroup, Port.tcpRange(8000, 8099), "internal ALB to the services");

    nlb =
        NetworkLoadBalancer.Builder.create(this, "Nlb")
            .vpc(in.network().vpc)
            .internetFacing(false)
            .vpcSubnets(in.network().appSubnets())
            .crossZoneEnabled(true)
            .build();
    nlb.addListener(
        "Tcp",
        software.amazon.awscdk.services.elasticloadbalancingv2.BaseNetworkListenerProps.builder()
            .port(80)
            .defaultTargetGroups(
                List.of(
                    NetworkTargetGroup.Builder.create(this, "AlbTargets")
                        .vpc(in.network().vpc)
                        .port(80)
                        .targetType(TargetType.ALB)
                        .targets(List.of(new AlbListenerTarget(listener)))
                        .build()))
            .build());

    int priority = 10;
    for (Parts.Service part : Parts.SERVICES) {
      FargateService service = service(part, in, namespace);
      ApplicationTargetGroup group =
          ApplicationTargetGroup.Builder.create(this, part.name() + "-targets")
              .vpc(in.network().vpc)
              .port(part.port())
              .protocol(ApplicationProtocol.HTTP)
              .targetType(TargetType.IP)
              .targets(
                  List.of(
                      service.loadBalancerTarget(
                          LoadBalancerTargetOptions.builder()
                              .containerName(part.name())
                              .containerPort(part.port())
                              .build())))
              .healthCheck(
                  software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
                      .path("/actuator/health/readiness")
                      .healthyHttpCodes("200")
                      .interval(Duration.seconds(15))
                      .build())
              .deregistrationDelay(Duration.seconds(20))
              .build();
      if (part.api().isEmpty()) {
        // The gateway answers what no service claims: the aggregated OpenAPI documents (/api/docs).
        listener.addTargetGroups(
            "default",
            AddApplicationTargetGroupsProps.builder().targetGroups(List.of(group)).build());
      } else {
        listener.addTargetGroups(
            part.name(),
            AddApplicationTargetGroupsProps.builder()
                .priority(priority++)
                .conditions(
                    List.of(
                        ListenerCondition.pathPatterns(
                            List.of("/api/v1/" + part.api() + "/*", "/api/v1/" + part.api()))))
                .targetGroups(List.of(group))
                .build());
      }
      var scaling =
          service.autoScaleTaskCount(
              EnableScalingProps.builder()
                  .minCapacity(settings.desiredCount())
                  .maxCapacity(settings.maxCount())
                  .build());
      scaling.scaleOnCpuUtilization(
          "Cpu",
          CpuUtilizationScalingProps.builder()
              .targetUtilizationPercent(60)
              .scaleInCooldown(Duration.minutes(5))
              .scaleOutCooldown(Duration.minutes(1))
              .build());
      scaling.scaleOnRequestCount(
          "Requests",
          RequestCountScalingProps.builder()
              .requestsPerTarget(1000)
              .targetGroup(group)
              .scaleInCooldown(Duration.minutes(5))
              .scaleOutCooldown(Duration.minutes(1))
              .build());
      services.put(part.name(), service);
      targetGroups.put(part.name(), group);
    }
    // The notification-service reads its queue; workflows wait for task tokens the services return.
    in.events()
        .notifications
        .grantConsumeMessages(
            services.get("notification-service").getTaskDefinition().getTaskRole());
    services
        .get("listing-service")
        .getTaskDefinition()
        .getTaskRole()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"))
                .resources(
                    List.of(
                        in.storage().images.arnForObjects("listings/*"),
                        in.storage().images.arnForObjects("variants/*")))
                .build());
    // It lists a photo's variants to delete them with it.
    services
        .get("listing-service")
        .getTaskDefinition()
        .getTaskRole()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(in.storage().images.getBucketArn()))
                .conditions(
                    Map.of("StringLike", Map.of("s3:prefix", List.of("listings/*", "variants/*"))))
                .build());
    // Dispute evidence images: order-service writes and reads them under disputes/ only.
    services
        .get("order-service")
        .getTaskDefinition()
        .getTaskRole()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:PutObject"))
                .resources(List.of(in.storage().images.arnForObjects("disputes/*")))
                .build());
    in.email()
        .sender
        .grantSendEmail(services.get("notification-service").getTaskDefinition().getTaskRole());
  }

  private FargateService service(
      Parts.Service part, Services.Inputs in, PrivateDnsNamespace namespace) {
    Settings settings = in.settings();
    FargateTaskDefinition task =
        FargateTaskDefinition.Builder.create(this, part.name() + "-task")
            .cpu(512)
            .memoryLimitMiB(part.memoryMiB())
            .runtimePlatform(
                software.amazon.awscdk.services.ecs.RuntimePlatform.builder()
                    .cpuArchitecture(software.amazon.awscdk.services.ecs.CpuArchitecture.X86_64)
                    .operatingSystemFamily(
                        software.amazon.awscdk.services.ecs.OperatingSystemFamily.LINUX)
                    .build())
            .build();
    LogGroup logs =
        LogGroup.Builder.create(this, part.name() + "-logs")
            .retention(settings.prod() ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_MONTH)
            .build();

    Map<String, String> reads = ServiceVariables.of(settings.repoRoot(), part.module());
    Map<String, String> plain = new TreeMap<>();
    Map<String, Secret> secrets = new TreeMap<>();
    AwsValues values = new AwsValues(in, part);
    for (String variable : reads.keySet()) {
      values.plain(variable).ifPresent(v -> plain.put(variable, v));
      values.secret(variable).ifPresent(v -> secrets.put(variable, v));
    }
    // What every part reads through the platform starter, not its own application.yml.
    for (String variable : AwsValues.PLATFORM) {
      values.plain(variable).ifPresent(v -> plain.put(variable, v));
      values.secret(variable).ifPresent(v -> secrets.put(variable, v));
    }
    // Service-call keys (the starter's CallerKeys reads DBAY_CALLER_KEY_*): those of the callers
    // this part accepts, and its own when it calls another part.
    java.util.Set<String> keys =
        new java.util.TreeSet<>(in.secrets().callerTable.trustedBy(part.name()));
    if (in.secrets().callerKeys.containsKey(part.name())) {
      keys.add(part.name());
    }
    for (String caller : keys) {
      secrets.put(
          CallerKeyTable.variable(caller),
          Secret.fromSecretsManager(in.secrets().callerKeys.get(caller)));
    }
    // The image runs java $JAVA_OPTS $JAVA_HEAP: ./dbay's flags, with the heap sized from the
    // task's memory.
    plain.put("JAVA_HEAP", "-XX:MaxRAMPercentage=70");

    task.addContainer(
        part.name(),
        ContainerDefinitionOptions.builder()
            .image(image(part, settings))
            .portMappings(List.of(PortMapping.builder().containerPort(part.port()).build()))
            .environment(plain)
            .secrets(secrets)
            .logging(
                LogDrivers.awsLogs(
                    AwsLogDriverProps.builder().logGroup(logs).streamPrefix(part.name()).build()))
            .healthCheck(
                HealthCheck.builder()
                    .command(
                        List.of(
                            "CMD-SHELL",
                            "curl -fsS http://127.0.0.1:"
                                + part.port()
                                + "/actuator/health/liveness || exit 1"))
                    .interval(Duration.seconds(15))
                    .timeout(Duration.seconds(5))
                    .retries(4)
                    .startPeriod(Duration.seconds(120))
                    .build())
            .readonlyRootFilesystem(false)
            .build());
    // Workflows that wait for a task token (putEvents.waitForTaskToken) are answered by the
    // services.
    task.getTaskRole()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(
                    List.of(
                        "states:SendTaskSuccess",
                        "states:SendTaskFailure",
                        "states:SendTaskHeartbeat"))
                .resources(
                    List.of(
                        "arn:"
                            + Stack.of(this).getPartition()
                            + ":states:"
                            + Stack.of(this).getRegion()
                            + ":"
                            + Stack.of(this).getAccount()
                            + ":stateMachine:dbay-"
                            + settings.envName()
                            + "-*"))
                .build());
    in.events().bus.grantPutEventsTo(task.getTaskRole());
    taskDefinitions.put(part.name(), task);

    return FargateService.Builder.create(this, part.name())
        .serviceName("dbay-" + part.name())
        .cluster(cluster)
        .taskDefinition(task)
        .desiredCount(settings.desiredCount())
        .minHealthyPercent(100)
        .maxHealthyPercent(200)
        .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
        .healthCheckGracePeriod(Duration.seconds(180))
        .vpcSubnets(in.network().appSubnets())
        .securityGroups(List.of(in.network().app))
        .assignPublicIp(false)
        .enableExecuteCommand(false)
        .cloudMapOptions(
            CloudMapOptions.builder().name(part.name()).cloudMapNamespace(namespace).build())
        .build();
  }

  private ContainerImage image(Parts.Service part, Settings settings) {
    if (!settings.imageTag().isEmpty()) {
      return ContainerImage.fromEcrRepository(
          Repository.fromRepositoryName(this, part.name() + "-repo", "dbay/" + part.name()),
          settings.imageTag());
    }
    return ContainerImage.fromAsset(
        settings.repoRoot().toString(),
        AssetImageProps.builder()
            .file("Dockerfile")
            .buildArgs(Map.of("MODULE", part.module()))
            .build());
  }
}
