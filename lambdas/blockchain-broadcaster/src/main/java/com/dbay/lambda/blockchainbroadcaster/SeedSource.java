package com.dbay.lambda.blockchainbroadcaster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the signer's seed comes from; only this function holds it (the wallet-service has the
 * account xpub only). First match wins:
 *
 * <ol>
 *   <li>{@code DBAY_WALLET_SEED_SECRET_ID}: AWS Secrets Manager {@code GetSecretValue} (production;
 *       the secret's ARN or name). The secret string is the mnemonic, or JSON {@code {"mnemonic",
 *       "passphrase"}}.
 *   <li>{@code DBAY_WALLET_MNEMONIC}: the phrase itself (local runs, tests).
 *   <li>{@code DBAY_WALLET_MNEMONIC_FILE}: a file holding the phrase, or the JSON above (local
 *       runs: {@code ./dbay} writes the dev chain's one under {@code .dbay/}).
 * </ol>
 *
 * {@code DBAY_WALLET_PASSPHRASE} is the optional BIP39 passphrase for the last two. Nothing here
 * logs a value.
 */
public final class SeedSource {

  public static final String SECRET_ID = "DBAY_WALLET_SEED_SECRET_ID";
  public static final String MNEMONIC = "DBAY_WALLET_MNEMONIC";
  public static final String MNEMONIC_FILE = "DBAY_WALLET_MNEMONIC_FILE";
  public static final String PASSPHRASE = "DBAY_WALLET_PASSPHRASE";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Reads a secret's string value by id. */
  @FunctionalInterface
  public interface Secrets {
    String secretString(String secretId);
  }

  private SeedSource() {}

  /**
   * From the process environment; Secrets Manager through the SDK's default region and credentials.
   * The client is built only when a secret id is set: building it needs a region, which a local run
   * does not have.
   */
  public static WalletSeed fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  static WalletSeed fromEnvironment(Map<String, String> env) {
    return load(
        env,
        secretId -> {
          try (SecretsManagerClient client =
              SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            return secretsManager(client).secretString(secretId);
          }
        });
  }

  public static WalletSeed load(Map<String, String> env, Secrets secrets) {
    String secretId = value(env, SECRET_ID);
    if (secretId != null) {
      return parse(secrets.secretString(secretId), null, "Secrets Manager secret " + secretId);
    }
    String passphrase = env.get(PASSPHRASE);
    String mnemonic = value(env, MNEMONIC);
    if (mnemonic != null) {
      return parse(mnemonic, passphrase, "environment variable " + MNEMONIC);
    }
    String file = value(env, MNEMONIC_FILE);
    if (file != null) {
      try {
        return parse(
            Files.readString(Path.of(file), StandardCharsets.UTF_8), passphrase, "file " + file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the wallet seed file " + file, e);
      }
    }
    throw new IllegalStateException(
        "the signer has no seed: set "
            + SECRET_ID
            + " (AWS Secrets Manager), "
            + MNEMONIC
            + " or "
            + MNEMONIC_FILE);
  }

  /** {@code GetSecretValue} with this client. */
  public static Secrets secretsManager(SecretsManagerClient client) {
    return id -> {
      String value = client.getSecretValue(r -> r.secretId(id)).secretString();
      if (value == null) {
        throw new IllegalStateException("Secrets Manager secret " + id + " has no string value");
      }
      return value;
    };
  }

  /**
   * A client for another endpoint (tests, or a VPC endpoint): region and credentials given
   * explicitly.
   */
  public static SecretsManagerClient client(
      URI endpoint, Region region, AwsCredentialsProvider credentials) {
    SecretsManagerClientBuilder builder =
        SecretsManagerClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(region)
            .credentialsProvider(credentials);
    return builder.endpointOverride(endpoint).build();
  }

  private static WalletSeed parse(String text, String passphrase, String source) {
    String trimmed = text.strip();
    if (trimmed.startsWith("{")) {
      JsonNode node;
      try {
        node = JSON.readTree(trimmed);
      } catch (RuntimeException e) {
        // the message of a JSON parser may quote the input: say only where it came from
        throw new IllegalStateException("the wallet seed from " + source + " is not valid JSON");
      }
      JsonNode m = node.get("mnemonic");
      if (m == null || !m.isString() || m.asString().isBlank()) {
        throw new IllegalStateException("the wallet seed from " + source + " has no \"mnemonic\"");
      }
      JsonNode p = node.get("passphrase");
      return new WalletSeed(
          normalise(m.asString()),
          p == null || p.isNull() ? new char[0] : p.asString().toCharArray(),
          source);
    }
    if (trimmed.isEmpty()) {
      throw new IllegalStateException("the wallet seed from " + source + " is empty");
    }
    return new WalletSeed(
        normalise(trimmed), passphrase == null ? new char[0] : passphrase.toCharArray(), source);
  }

  /** One space between words, as BIP39 hashes them; a file may end with a newline or wrap lines. */
  private static char[] normalise(String phrase) {
    return String.join(" ", phrase.strip().split("\\s+")).toCharArray();
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
