package com.dbay.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.services.docdb.ClusterParameterGroup;
import software.amazon.awscdk.services.docdb.DatabaseCluster;
import software.amazon.awscdk.services.docdb.Login;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.elasticache.CfnCacheCluster;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticache.CfnSubnetGroup;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.opensearchservice.CapacityConfig;
import software.amazon.awscdk.services.opensearchservice.Domain;
import software.amazon.awscdk.services.opensearchservice.EbsOptions;
import software.amazon.awscdk.services.opensearchservice.EncryptionAtRestOptions;
import software.amazon.awscdk.services.opensearchservice.EngineVersion;
import software.amazon.awscdk.services.opensearchservice.LoggingOptions;
import software.amazon.awscdk.services.opensearchservice.TLSSecurityPolicy;
import software.amazon.awscdk.services.opensearchservice.ZoneAwarenessConfig;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.ParameterGroup;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The five stores, each in the isolated subnets, encrypted at rest and in transit, admitting only
 * the application security group, with its credentials in Secrets Manager: RDS PostgreSQL (system
 * of record), DocumentDB (MongoDB API), OpenSearch Service, ElastiCache Redis and ElastiCache
 * Memcached.
 */
public final class Data extends Construct {

  public final DatabaseInstance postgres;
  public final DatabaseCluster documentDb;
  public final Domain search;
  public final CfnReplicationGroup redis;
  public final CfnCacheCluster memcached;

  /** {@code rediss://:<token>@<primary>:6379}: the token is part of the URL the services read. */
  public final Secret redisUrl;

  /** The MongoDB connection string of DocumentDB, with its login and TLS options. */
  public final Secret mongoUri;

  public Data(Construct scope, String id, Network network, Settings settings) {
    super(scope, id);
    RemovalPolicy removal = settings.prod() ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY;

    // PostgreSQL: one database per service (created by the DbInit task), TLS forced.
    SecurityGroup pgGroup = storeGroup("Postgres", network, 5432);
    postgres =
        DatabaseInstance.Builder.create(this, "Postgres")
            .engine(
                DatabaseInstanceEngine.postgres(
                    PostgresInstanceEngineProps.builder()
                        .version(PostgresEngineVersion.VER_17)
                        .build()))
            .instanceType(
                settings.prod()
                    ? InstanceType.of(InstanceClass.M7G, InstanceSize.LARGE)
                    : InstanceType.of(InstanceClass.T4G, InstanceSize.MICRO))
            .vpc(network.vpc)
            .vpcSubnets(network.dataSubnets())
            .securityGroups(List.of(pgGroup))
            .credentials(Credentials.fromGeneratedSecret("dbay"))
            .storageEncrypted(true)
            .allocatedStorage(settings.prod() ? 100 : 20)
            .maxAllocatedStorage(settings.prod() ? 1000 : 100)
            .multiAz(settings.prod())
            .publiclyAccessible(false)
            .deletionProtection(settings.prod())
            .backupRetention(Duration.days(settings.prod() ? 14 : 1))
            .parameterGroup(
                ParameterGroup.Builder.create(this, "PostgresParameters")
                    .engine(
                        DatabaseInstanceEngine.postgres(
                            PostgresInstanceEngineProps.builder()
                                .version(PostgresEngineVersion.VER_17)
                                .build()))
                    .parameters(Map.of("rds.force_ssl", "1", "max_connections", "400"))
                    .build())
            .cloudwatchLogsExports(List.of("postgresql", "upgrade"))
            .enablePerformanceInsights(settings.prod())
            .removalPolicy(removal)
            .build();

    // DocumentDB: TLS is on by default in its cluster parameter group.
    SecurityGroup docGroup = storeGroup("DocumentDb", network, 27017);
    documentDb =
        DatabaseCluster.Builder.create(this, "DocumentDb")
            .masterUser(
                Login.builder().username("dbay").excludeCharacters("\"@/:?#[]%&=+ '\\").build())
            .instanceType(
                settings.prod()
                    ? InstanceType.of(InstanceClass.R6G, InstanceSize.LARGE)
                    : InstanceType.of(InstanceClass.T4G, InstanceSize.MEDIUM))
            .instances(settings.prod() ? 2 : 1)
            .vpc(network.vpc)
            .vpcSubnets(network.dataSubnets())
            .securityGroup(docGroup)
            .storageEncrypted(true)
            .deletionProtection(settings.prod())
            .exportAuditLogsToCloudWatch(true)
            .exportProfilerLogsToCloudWatch(true)
            .backup(
                software.amazon.awscdk.services.docdb.BackupProps.builder()
                    .retention(Duration.days(settings.prod() ? 14 : 7))
                    .build())
            .parameterGroup(
                ClusterParameterGroup.Builder.create(this, "DocumentDbParameters")
                    .family("docdb5.0")
                    .description("DBay: TLS required, audit log of authentication and DDL")
                    .parameters(Map.of("tls", "enabled", "audit_logs", "enabled"))
                    .build())
            .engineVersion("5.0.0")
            .removalPolicy(removal)
            .build();
    mongoUri =
        Secret.Builder.create(this, "MongoUri")
            .description("DBAY_MONGO_URI: DocumentDB connection string")
            .secretStringValue(
                SecretValue.unsafePlainText(
                    Fn.join(
                        "",
                        List.of(
                            "mongodb://dbay:",
                            documentDb.getSecret().secretValueFromJson("password").unsafeUnwrap(),
                            "@",
                            documentDb.getClusterEndpoint().getHostname(),
                            ":27017/",
                            "?tls=true&replicaSet=rs0&readPreference=secondaryPreferred&retryWrites=false"))))
            .build();

    // OpenSearch Service: VPC-only, HTTPS only, node-to-node encryption.
    SecurityGroup searchGroup = storeGroup("OpenSearch", network, 443);
    search =
        Domain.Builder.create(this, "OpenSearch")
            .version(EngineVersion.OPENSEARCH_3_1)
            .vpc(network.vpc)
            .vpcSubnets(
                List.of(
                    software.amazon.awscdk.services.ec2.SubnetSelection.builder()
                        .subnets(
                            settings.prod()
                                ? network.vpc.getIsolatedSubnets()
                                : List.of(network.vpc.getIsolatedSubnets().get(0)))
                        .build()))
            .securityGroups(List.of(searchGroup))
            .capacity(
                CapacityConfig.builder()
                    .dataNodes(settings.prod() ? 2 : 1)
                    .dataNodeInstanceType(settings.prod() ? "r7g.large.search" : "t3.small.search")
                    .multiAzWithStandbyEnabled(false)
                    .build())
            .zoneAwareness(ZoneAwarenessConfig.builder().enabled(settings.prod()).build())
            .ebs(EbsOptions.builder().volumeSize(settings.prod() ? 100 : 10).build())
            .encryptionAtRest(EncryptionAtRestOptions.builder().enabled(true).build())
            .nodeToNodeEncryption(true)
            .enforceHttps(true)
            .tlsSecurityPolicy(TLSSecurityPolicy.TLS_1_2)
            .logging(
                LoggingOptions.builder()
                    .appLogEnabled(true)
                    .slowSearchLogEnabled(true)
                    .slowIndexLogEnabled(true)
                    .appLogGroup(
                        LogGroup.Builder.create(this, "OpenSearchAppLogs")
                            .retention(RetentionDays.ONE_MONTH)
                            .build())
                    .slowSearchLogGroup(
                        LogGroup.Builder.create(this, "OpenSearchSlowSearchLogs")
                            .retention(RetentionDays.ONE_MONTH)
                            .build())
                    .slowIndexLogGroup(
                        LogGroup.Builder.create(this, "OpenSearchSlowIndexLogs")
                            .retention(RetentionDays.ONE_MONTH)
                            .build())
                    .build())
            .removalPolicy(removal)
            .build();
    // The search client speaks plain HTTPS without request signing: the domain is reached only from
    // inside the VPC, through a security group that admits the application group alone.
    search.addAccessPolicies(
        PolicyStatement.Builder.create()
            .principals(List.of(new AnyPrincipal()))
            .actions(
                List.of(
                    "es:ESHttpGet",
                    "es:ESHttpHead",
                    "es:ESHttpPost",
                    "es:ESHttpPut",
                    "es:ESHttpDelete"))
            .resources(List.of(search.getDomainArn() + "/*"))
            .build());

    CfnSubnetGroup cacheSubnets =
        CfnSubnetGroup.Builder.create(this, "CacheSubnets")
            .description("DBay caches: isolated subnets")
            .subnetIds(network.vpc.getIsolatedSubnets().stream().map(s -> s.getSubnetId()).toList())
            .build();

    // Redis: AUTH token + TLS; the token is generated here and composed into DBAY_REDIS_URL.
    SecurityGroup redisGroup = storeGroup("Redis", network, 6379);
    Secret redisToken =
        Secret.Builder.create(this, "RedisAuthToken")
            .description("ElastiCache Redis AUTH token")
            .generateSecretString(
                SecretStringGenerator.builder().excludePunctuation(true).passwordLength(64).build())
            .build();
    redis =
        CfnReplicationGroup.Builder.create(this, "Redis")
            .replicationGroupDescription("DBay hot auction state, locks, rate limits, pub/sub")
            .engine("redis")
            .engineVersion("7.1")
            .cacheNodeType(settings.prod() ? "cache.r7g.large" : "cache.t4g.micro")
            .numCacheClusters(settings.prod() ? 2 : 1)
            .automaticFailoverEnabled(settings.prod())
            .multiAzEnabled(settings.prod())
            .atRestEncryptionEnabled(true)
            .transitEncryptionEnabled(true)
            .authToken(redisToken.getSecretValue().unsafeUnwrap())
            .cacheSubnetGroupName(cacheSubnets.getRef())
            .securityGroupIds(List.of(redisGroup.getSecurityGroupId()))
            .snapshotRetentionLimit(settings.prod() ? 7 : 1)
            .build();
    redisUrl =
        Secret.Builder.create(this, "RedisUrl")
            .description("DBAY_REDIS_URL: TLS URL with the AUTH token")
            .secretStringValue(
                SecretValue.unsafePlainText(
                    Fn.join(
                        "",
                        List.of(
                            "rediss://:",
                            redisToken.getSecretValue().unsafeUnwrap(),
                            "@",
                            redis.getAttrPrimaryEndPointAddress(),
                            ":",
                            redis.getAttrPrimaryEndPointPort()))))
            .build();

    // Memcached: a cache of categories and search results, nothing that is not rebuilt from the
    // stores.
    SecurityGroup memcachedGroup = storeGroup("Memcached", network, 11211);
    memcached =
        CfnCacheCluster.Builder.create(this, "Memcached")
            .engine("memcached")
            .engineVersion("1.6.22")
            .cacheNodeType(settings.prod() ? "cache.r7g.large" : "cache.t4g.micro")
            .numCacheNodes(settings.prod() ? 2 : 1)
            .azMode(settings.prod() ? "cross-az" : "single-az")
            .transitEncryptionEnabled(true)
            .cacheSubnetGroupName(cacheSubnets.getRef())
            .vpcSecurityGroupIds(List.of(memcachedGroup.getSecurityGroupId()))
            .build();
  }

  /** DBAY_MEMCACHED_SERVERS: the configuration endpoint (auto discovery). */
  public String memcachedServers() {
    return memcached.getAttrConfigurationEndpointAddress()
        + ":"
        + memcached.getAttrConfigurationEndpointPort();
  }

  private SecurityGroup storeGroup(String name, Network network, int port) {
    SecurityGroup group =
        SecurityGroup.Builder.create(this, name + "SecurityGroup")
            .vpc(network.vpc)
            .description("DBay " + name + ": only the application security group, port " + port)
            .allowAllOutbound(false)
            .build();
    group.addIngressRule(network.app, Port.tcp(port), "DBay services and functions");
    return group;
  }
}
