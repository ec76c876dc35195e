package com.dbay.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttribute;
import software.amazon.awscdk.services.cognito.StandardAttributes;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.constructs.Construct;

/**
 * Cognito for the SPA's Amplify settings ({@code VITE_USE_COGNITO=true}, {@code
 * VITE_COGNITO_USER_POOL_ID}, {@code VITE_COGNITO_CLIENT_ID}): sign-in by username or email, SRP
 * from the browser (a public client, no secret), id tokens validated by the authorizer, and an
 * {@code ADMIN} group whose members get the ADMIN role.
 */
public final class Identity extends Construct {

  public final UserPool userPool;
  public final UserPoolClient webClient;

  public Identity(Construct scope, String id, Settings settings) {
    super(scope, id);
    userPool =
        UserPool.Builder.create(this, "Users")
            .selfSignUpEnabled(true)
            .signInAliases(SignInAliases.builder().username(true).email(true).build())
            .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
            .standardAttributes(
                StandardAttributes.builder()
                    .email(StandardAttribute.builder().required(true).mutable(true).build())
                    .build())
            .passwordPolicy(
                PasswordPolicy.builder()
                    .minLength(12)
                    .requireLowercase(true)
                    .requireUppercase(true)
                    .requireDigits(true)
                    .requireSymbols(true)
                    .build())
            .mfa(Mfa.OPTIONAL)
            .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
            .accountRecovery(AccountRecovery.EMAIL_ONLY)
            .featurePlan(settings.prod() ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS)
            .deletionProtection(settings.prod())
            .removalPolicy(settings.prod() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
            .build();
    webClient =
        userPool.addClient(
            "WebApp",
            software.amazon.awscdk.services.cognito.UserPoolClientOptions.builder()
                .userPoolClientName("dbay-web")
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userSrp(true).build())
                .preventUserExistenceErrors(true)
                .idTokenValidity(Duration.hours(1))
                .accessTokenValidity(Duration.hours(1))
                .refreshTokenValidity(Duration.days(30))
                .build());
    CfnUserPoolGroup.Builder.create(this, "Admins")
        .userPoolId(userPool.getUserPoolId())
        .groupName("ADMIN")
        .description("DBay administrators: dispute console and moderation")
        .build();
  }

  public String issuer() {
    return "https://cognito-idp."
        + software.amazon.awscdk.Stack.of(this).getRegion()
        + ".amazonaws.com/"
        + userPool.getUserPoolId();
  }

  public List<String> clientIds() {
    return List.of(webClient.getUserPoolClientId());
  }
}
