package com.dbay.order.disputes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where disputes reach DisputeWorkflow (Step Functions API) and the object store (evidence images),
 * and the platform fee the wallet takes from a seller's share (the same DBAY_WALLET_FEE_BPS the
 * wallet reads), for the admin's exact preview of a ruling. The escrow itself goes through orders'
 * {@code EscrowWallet} (dbay.order.wallet-url), the service's one wallet client.
 */
@ConfigurationProperties("dbay.order.disputes")
public record DisputeProperties(
    @DefaultValue("") String sfnEndpoint,
    @DefaultValue("") String sfnAccessKeyId,
    @DefaultValue("") String sfnSecretAccessKey,
    @DefaultValue("250") int feeBasisPoints,
    @DefaultValue("") String s3Endpoint,
    @DefaultValue("dbay-evidence") String evidenceBucket,
    @DefaultValue("us-east-1") String s3Region,
    @DefaultValue("") String s3AccessKey,
    @DefaultValue("") String s3SecretKey,
    @DefaultValue("5242880") long maxImageBytes,
    @DefaultValue("5s") java.time.Duration workflowAnswersInterval) {}
