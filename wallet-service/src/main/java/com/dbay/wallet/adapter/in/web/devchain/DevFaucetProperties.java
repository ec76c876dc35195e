package com.dbay.wallet.adapter.in.web.devchain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dbay.wallet.dev-faucet.*}: a button in the web app that credits test DOGE from the local
 * dev chain to the caller's own deposit address. Only {@code ./dbay up} turns it on (it sets {@code
 * DBAY_WALLET_DEV_FAUCET=true} beside the dev node); in any other configuration the faucet endpoint
 * does not exist. {@code maxAmount} stays below 1,000 DOGE so a faucet deposit needs the fewest
 * confirmations; {@code perWindow} presses per user per {@code window}.
 */
@ConfigurationProperties("dbay.wallet.dev-faucet")
public record DevFaucetProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("100") String defaultAmount,
    @DefaultValue("500") String maxAmount,
    @DefaultValue("5") int perWindow,
    @DefaultValue("10m") Duration window) {}
