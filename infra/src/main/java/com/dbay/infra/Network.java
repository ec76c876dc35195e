package com.dbay.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The VPC: public subnets hold only the NAT gateways (the edge is API Gateway and CloudFront,
 * outside the VPC); the services and functions run in private subnets with egress; the stores sit
 * in isolated subnets with no route out. AWS APIs are reached through VPC endpoints.
 */
public final class Network extends Construct {

  /** The VPC's range; rules that admit "the VPC" name it literally. */
  public static final String CIDR = "10.40.0.0/16";

  public final Vpc vpc;

  /** Every ECS task and in-VPC function: the stores admit this group and nothing else. */
  public final SecurityGroup app;

  public Network(Construct scope, String id, Settings settings) {
    super(scope, id);
    vpc =
        Vpc.Builder.create(this, "Vpc")
            .ipAddresses(IpAddresses.cidr(CIDR))
            .maxAzs(2)
            .natGateways(settings.natGateways())
            .subnetConfiguration(
                List.of(
                    SubnetConfiguration.builder()
                        .name("edge")
                        .subnetType(SubnetType.PUBLIC)
                        .cidrMask(24)
                        .build(),
                    SubnetConfiguration.builder()
                        .name("app")
                        .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                        .cidrMask(20)
                        .build(),
                    SubnetConfiguration.builder()
                        .name("data")
                        .subnetType(SubnetType.PRIVATE_ISOLATED)
                        .cidrMask(24)
                        .build()))
            .gatewayEndpoints(
                Map.of(
                    "S3",
                    GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.S3)
                        .build()))
            .flowLogs(
                Map.of(
                    "Rejected",
                    FlowLogOptions.builder()
                        .trafficType(FlowLogTrafficType.REJECT)
                        .destination(
                            FlowLogDestination.toCloudWatchLogs(
                                LogGroup.Builder.create(this, "FlowLogs")
                                    .retention(RetentionDays.ONE_MONTH)
                                    .build()))
                        .build()))
            .build();

    app =
        SecurityGroup.Builder.create(this, "AppSecurityGroup")
            .vpc(vpc)
            .description("DBay services and functions (the stores admit only this group)")
            .allowAllOutbound(true)
            .build();
    // Services call each other directly (Cloud Map names) on their own ports.
    app.addIngressRule(app, Port.tcpRange(8000, 8099), "DBay parts call each other");

    // Interface endpoints for what every task needs at start (images, logs, secrets) and the
    // event/workflow APIs, so that none of it crosses the NAT gateway.
    Map<String, InterfaceVpcEndpointAwsService> endpoints =
        Map.of(
            "EcrApi", InterfaceVpcEndpointAwsService.ECR,
            "EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER,
            "Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
            "SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
            "EventBridge", InterfaceVpcEndpointAwsService.EVENTBRIDGE,
            "StepFunctions", InterfaceVpcEndpointAwsService.STEP_FUNCTIONS,
            "Sqs", InterfaceVpcEndpointAwsService.SQS);
    SecurityGroup endpointGroup =
        SecurityGroup.Builder.create(this, "EndpointSecurityGroup")
            .vpc(vpc)
            .description("VPC interface endpoints, HTTPS from inside the VPC")
            .allowAllOutbound(false)
            .build();
    endpointGroup.addIngressRule(Peer.ipv4(CIDR), Port.tcp(443), "HTTPS from the VPC");
    endpoints.forEach(
        (name, service) ->
            vpc.addInterfaceEndpoint(
                name,
                InterfaceVpcEndpointOptions.builder()
                    .service(service)
                    .subnets(
                        SubnetSelection.builder()
                            .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                            .build())
                    .securityGroups(List.of(endpointGroup))
                    .open(false)
                    .build()));
  }

  public SubnetSelection appSubnets() {
    return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
  }

  public SubnetSelection dataSubnets() {
    return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
  }
}
