package com.dbay.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import software.constructs.Node;

/**
 * What differs between deployments, read from CDK context ({@code cdk synth -c env=prod -c ...}).
 * Every value has a default sized for {@code dev}; {@code prod} raises the sizes and turns on the
 * protections that cost money (Multi-AZ, more NAT gateways, deletion protection).
 *
 * @param envName {@code dev} or {@code prod} (context {@code env})
 * @param repoRoot the checkout: Dockerfile, workflows/, lambdas/*&#47;target, application.yml files
 * @param imageTag when set, services run images {@code
 *     <account>.dkr.ecr.<region>.amazonaws.com/dbay/<part>:<tag>} pushed by the operator's CI; when
 *     empty, CDK builds them from the Dockerfile
 * @param senderEmail the address notification mail is sent from (its SES identity is created)
 * @param alarmEmail where alarms go (empty: the topic has no subscription)
 * @param dogeRpcUrl Dogecoin Core JSON-RPC inside the VPC (operator-run node)
 * @param dogeNetwork {@code mainnet}, {@code testnet} or {@code regtest}
 * @param walletAccountXpub the account key m/44'/3'/0' of the seed held in the wallet seed secret
 */
public record Settings(
    String envName,
    Path repoRoot,
    String imageTag,
    String senderEmail,
    String alarmEmail,
    String dogeRpcUrl,
    String dogeNetwork,
    String walletAccountXpub) {

  public boolean prod() {
    return envName.equals("prod");
  }

  /** Two tasks per service in prod (one per AZ), one in dev. */
  public int desiredCount() {
    return prod() ? 2 : 1;
  }

  public int maxCount() {
    return prod() ? 8 : 2;
  }

  public int natGateways() {
    return prod() ? 2 : 1;
  }

  public static Settings from(Node node) {
    String env = text(node, "env", "dev").toLowerCase(Locale.ROOT);
    if (!env.equals("dev") && !env.equals("prod")) {
      throw new IllegalArgumentException("context env must be dev or prod, not " + env);
    }
    String root = text(node, "repoRoot", "");
    String xpub = text(node, "walletAccountXpub", "");
    if (env.equals("prod") && xpub.isEmpty()) {
      // Without it the wallet-service would derive deposit addresses from the public dev phrase.
      throw new IllegalArgumentException(
          "prod needs -c walletAccountXpub=<xpub of the seed in the wallet seed secret>");
    }
    return new Settings(
        env,
        root.isEmpty()
            ? findRepoRoot(Path.of("").toAbsolutePath())
            : Path.of(root).toAbsolutePath().normalize(),
        text(node, "imageTag", ""),
        text(node, "senderEmail", "no-reply@example.com"),
        text(node, "alarmEmail", ""),
        text(node, "dogeRpcUrl", "http://dogecoin.dbay.internal:22555/"),
        text(node, "dogeNetwork", env.equals("prod") ? "mainnet" : "testnet"),
        xpub);
  }

  private static String text(Node node, String key, String fallback) {
    Object value = node.tryGetContext(key);
    return value == null ? fallback : value.toString().trim();
  }

  /** The checkout holds the ./dbay script and the root POM; cdk runs from infra/ or the root. */
  static Path findRepoRoot(Path start) {
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("dbay")) && Files.isDirectory(p.resolve("workflows"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "cannot find the DBay checkout above " + start + "; pass -c repoRoot=<path>");
  }
}
