package com.dbay.lambda.blockchainbroadcaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.dogecoin.Bip44Path;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.HdSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

class SeedSourceTest {

  private static final String PHRASE =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  /** m/44'/3'/0'/0/0 of the phrase on regtest (the dev chain's miner in the tests). */
  private static final String FIRST_ADDRESS = "mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi";

  private static final SeedSource.Secrets NO_AWS =
      id -> {
        throw new AssertionError("Secrets Manager must not be asked");
      };

  private FakeSecretsManager aws;
  private SecretsManagerClient client;

  @BeforeEach
  void fakeAws() throws Exception {
    aws = new FakeSecretsManager();
    client =
        SeedSource.client(
            aws.endpoint(),
            Region.EU_WEST_1,
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")));
  }

  @AfterEach
  void stop() {
    client.close();
    aws.close();
  }

  private static String firstAddress(WalletSeed seed) {
    try (HdSigner keys = seed.signer(DogecoinNetwork.REGTEST)) {
      return keys.address(Bip44Path.receive(0, 0)).toBase58();
    }
  }

  @Test
  void reads_the_mnemonic_from_the_environment() {
    try (WalletSeed seed = SeedSource.load(Map.of(SeedSource.MNEMONIC, PHRASE), NO_AWS)) {
      assertThat(firstAddress(seed)).isEqualTo(FIRST_ADDRESS);
      assertThat(seed.source()).isEqualTo("environment variable DBAY_WALLET_MNEMONIC");
    }
  }

  @Test
  void
      a_local_run_without_any_aws_region_reads_its_seed_file_without_building_a_secrets_manager_client(
          @TempDir Path dir) throws Exception {
    // The runtime's own path (the no-arg handler): this test JVM has no AWS region, as ./dbay up
    // has none, and
    // building an SDK client without one fails.
    Path file = Files.writeString(dir.resolve("mnemonic"), PHRASE + "\n");
    try (WalletSeed seed =
        SeedSource.fromEnvironment(Map.of(SeedSource.MNEMONIC_FILE, file.toString()))) {
      assertThat(firstAddress(seed)).isEqualTo(FIRST_ADDRESS);
    }
  }

  @Test
  void reads_the_mnemonic_from_a_file_with_a_trailing_newline_or_as_json_with_a_passphrase(
      @TempDir Path dir) throws Exception {
    Path plain =
        Files.writeString(
            dir.resolve("mnemonic"), PHRASE.replace("abandon about", "abandon\nabout") + "\n");
    try (WalletSeed seed =
        SeedSource.load(Map.of(SeedSource.MNEMONIC_FILE, plain.toString()), NO_AWS)) {
      assertThat(firstAddress(seed)).isEqualTo(FIRST_ADDRESS);
    }
    Path json =
        Files.writeString(
            dir.resolve("seed.json"),
            "{\"mnemonic\": \"" + PHRASE + "\", \"passphrase\": \"TREZOR\"}");
    try (WalletSeed seed =
        SeedSource.load(Map.of(SeedSource.MNEMONIC_FILE, json.toString()), NO_AWS)) {
      assertThat(firstAddress(seed))
          .as("the passphrase makes another wallet")
          .isNotEqualTo(FIRST_ADDRESS);
    }
  }

  @Test
  void reads_the_seed_from_secrets_manager_through_the_real_sdk_client_signed_with_sigv4() {
    aws.put("dbay/wallet-seed", "{\"mnemonic\":\"" + PHRASE + "\"}");

    try (WalletSeed seed =
        SeedSource.load(
            Map.of(
                SeedSource.SECRET_ID,
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:dbay/wallet-seed-AbCdEf",
                SeedSource.MNEMONIC,
                "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong"),
            SeedSource.secretsManager(client))) {
      assertThat(firstAddress(seed))
          .as("the secret wins over a local phrase")
          .isEqualTo(FIRST_ADDRESS);
      assertThat(seed.toString()).doesNotContain("abandon").contains("Secrets Manager");
    }
    assertThat(aws.requests)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.target()).isEqualTo("secretsmanager.GetSecretValue");
              assertThat(r.contentType()).startsWith("application/x-amz-json-1.1");
              assertThat(r.authorization())
                  .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                  .contains("/eu-west-1/secretsmanager/aws4_request");
              assertThat(r.secretId()).endsWith(":secret:dbay/wallet-seed-AbCdEf");
            });
  }

  @Test
  void a_plain_secret_string_is_the_mnemonic_itself() {
    aws.put("wallet", PHRASE);
    try (WalletSeed seed =
        SeedSource.load(
            Map.of(SeedSource.SECRET_ID, "wallet"), SeedSource.secretsManager(client))) {
      assertThat(firstAddress(seed)).isEqualTo(FIRST_ADDRESS);
    }
  }

  @Test
  void a_missing_secret_is_the_services_resource_not_found_error() {
    assertThatThrownBy(
            () ->
                SeedSource.load(
                    Map.of(SeedSource.SECRET_ID, "nope"), SeedSource.secretsManager(client)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("can't find the specified secret");
  }

  @Test
  void without_any_source_it_says_what_to_set_and_a_bad_phrase_never_appears_in_errors() {
    assertThatThrownBy(() -> SeedSource.load(Map.of(), NO_AWS))
        .hasMessageContaining("DBAY_WALLET_SEED_SECRET_ID")
        .hasMessageContaining("DBAY_WALLET_MNEMONIC_FILE");
    String wrong =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon";
    try (WalletSeed seed = SeedSource.load(Map.of(SeedSource.MNEMONIC, wrong), NO_AWS)) {
      assertThatThrownBy(() -> seed.signer(DogecoinNetwork.REGTEST))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abandon"));
    }
    assertThatThrownBy(
            () -> SeedSource.load(Map.of(SeedSource.MNEMONIC_FILE, "/nonexistent/seed"), NO_AWS))
        .hasMessageContaining("/nonexistent/seed");
  }

  @Test
  void the_seed_never_shows_in_its_string_form_and_is_wiped_on_close() {
    WalletSeed seed = SeedSource.load(Map.of(SeedSource.MNEMONIC, PHRASE), NO_AWS);
    assertThat(seed.toString())
        .isEqualTo("WalletSeed[from environment variable DBAY_WALLET_MNEMONIC, <redacted>]");
    seed.close();
    assertThatThrownBy(() -> seed.signer(DogecoinNetwork.REGTEST)).hasMessageContaining("closed");
  }
}
