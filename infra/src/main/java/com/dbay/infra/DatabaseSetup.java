package com.dbay.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * RDS creates one database; each DBay service owns its own ({@code dbay_<service>}, as {@code
 * ./dbay up} creates them). This one-off task creates the missing ones; it is idempotent and the
 * README's first-deploy step runs it with {@code aws ecs run-task}. Flyway in each service creates
 * the tables.
 */
public final class DatabaseSetup extends Construct {

  /** The same list as PG_DATABASES in ./dbay and devstack/docker/postgres-init.sql. */
  public static final List<String> DATABASES =
      List.of(
          "gateway",
          "user",
          "listing",
          "auction",
          "wallet",
          "order",
          "notification",
          "search",
          "messaging",
          "serverless");

  public final FargateTaskDefinition task;

  public DatabaseSetup(
      Construct scope,
      String id,
      Settings settings,
      Network network,
      Data data,
      Services services) {
    super(scope, id);
    task = FargateTaskDefinition.Builder.create(this, "Task").cpu(256).memoryLimitMiB(512).build();
    StringBuilder script = new StringBuilder("set -e; for db in");
    DATABASES.forEach(db -> script.append(" dbay_").append(db));
    script
        .append(
            "; do psql -v ON_ERROR_STOP=1 -d postgres -tAc \"select 1 from pg_database where datname='$db'\" | grep -q 1")
        .append(" || psql -v ON_ERROR_STOP=1 -d postgres -c \"create database $db\"; done");
    task.addContainer(
        "psql",
        ContainerDefinitionOptions.builder()
            .image(ContainerImage.fromRegistry("public.ecr.aws/docker/library/postgres:17"))
            .command(List.of("sh", "-c", script.toString()))
            .environment(
                Map.of(
                    "PGHOST", data.postgres.getDbInstanceEndpointAddress(),
                    "PGPORT", data.postgres.getDbInstanceEndpointPort(),
                    "PGSSLMODE", "require"))
            .secrets(
                Map.of(
                    "PGUSER", Secret.fromSecretsManager(data.postgres.getSecret(), "username"),
                    "PGPASSWORD", Secret.fromSecretsManager(data.postgres.getSecret(), "password")))
            .logging(
                LogDrivers.awsLogs(
                    AwsLogDriverProps.builder()
                        .streamPrefix("database-setup")
                        .logGroup(
                            LogGroup.Builder.create(this, "Logs")
                                .retention(RetentionDays.ONE_MONTH)
                                .build())
                        .build()))
            .build());
  }
}
