package com.dbay.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The per-install secrets: the gateway proof key shared by the authorizer and the services, one
 * service-call key per calling part (platform servicecall HMAC; {@link #callerKeys}), the Dogecoin
 * node's RPC login, and the wallet seed. Values are generated at deploy time; the seed and the RPC
 * login are replaced by the operator (README, Deploy to AWS).
 */
public final class AppSecrets extends Construct {

  public final Secret gatewaySecret;
  public final Secret dogeRpc;
  public final Secret walletSeed;
  public final Key walletSeedKey;

  /**
   * Caller name → its key (64 letters and digits: valid base64 of 48 bytes, as the platform's
   * CallerKeys reads it). A part is given only its own key and the keys of the callers it accepts.
   */
  public final Map<String, Secret> callerKeys = new java.util.TreeMap<>();

  final CallerKeyTable callerTable;

  public AppSecrets(Construct scope, String id, Settings settings) {
    super(scope, id);
    gatewaySecret =
        random("GatewaySecret", "HMAC key of the gateway proof (authorizer and services)");
    callerTable = CallerKeyTable.read(settings.repoRoot());
    for (String caller : callerTable.callers()) {
      callerKeys.put(
          caller,
          random(
              "CallerKey-" + caller,
              "service-call key of "
                  + caller
                  + " (internal-endpoints.tsv): it signs with it, the parts it calls verify"));
    }
    dogeRpc =
        Secret.Builder.create(this, "DogeRpc")
            .description(
                "Dogecoin Core JSON-RPC login of the operator's node: {username, password}")
            .generateSecretString(
                SecretStringGenerator.builder()
                    .secretStringTemplate("{\"username\":\"dbay\"}")
                    .generateStringKey("password")
                    .excludePunctuation(true)
                    .passwordLength(40)
                    .build())
            .build();

    // The seed gets its own key, so that decrypting it is a grant of its own, not the account
    // default's.
    walletSeedKey =
        Key.Builder.create(this, "WalletSeedKey")
            .description("encrypts the wallet seed secret only")
            .enableKeyRotation(true)
            .removalPolicy(settings.prod() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
            .build();
    walletSeed =
        Secret.Builder.create(this, "WalletSeed")
            .description(
                "BIP39 mnemonic of the hot wallet ({\"mnemonic\": ...}); read only by blockchain-broadcaster")
            .encryptionKey(walletSeedKey)
            // A random placeholder is no mnemonic: the signer refuses to sign until the operator
            // puts the real one.
            .generateSecretString(
                SecretStringGenerator.builder().excludePunctuation(true).passwordLength(64).build())
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
  }

  /**
   * Only the signer may read the seed: a resource policy that denies {@code GetSecretValue} to
   * every principal but the given role, whatever their IAM policies say.
   */
  public void seedReadableOnlyBy(IRole signer) {
    walletSeed.grantRead(signer);
    walletSeed.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("OnlyTheSignerReadsTheSeed")
            .effect(Effect.DENY)
            .principals(List.of(new AnyPrincipal()))
            .actions(List.of("secretsmanager:GetSecretValue"))
            .resources(List.of("*"))
            .conditions(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", signer.getRoleArn())))
            .build());
  }

  private Secret random(String id, String description) {
    return Secret.Builder.create(this, id)
        .description(description)
        .generateSecretString(
            SecretStringGenerator.builder().excludePunctuation(true).passwordLength(64).build())
        .build();
  }
}
