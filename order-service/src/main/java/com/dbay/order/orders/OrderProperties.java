package com.dbay.order.orders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dbay.order.*}. The platform fee itself is the wallet's ({@code
 * dbay.wallet.fee-basis-points}, {@code DBAY_WALLET_FEE_BPS}, default 250 = 2.5 %): the wallet
 * computes it when it releases an escrow, and the order records the amounts the wallet answered, so
 * one number can never disagree with another.
 *
 * @param walletUrl wallet-service, for escrows and holds ({@code DBAY_WALLET_URL})
 * @param listingUrl listing-service, for a fixed-price listing's terms and quantity ({@code
 *     DBAY_LISTING_URL})
 * @param autoReleaseInterval how often the auto-release sweep looks for shipped orders past their
 *     14 days ({@code DBAY_ORDER_AUTO_RELEASE_INTERVAL}); zero turns the sweep off (tests run it by
 *     hand)
 * @param autoReleaseBatch at most this many orders per sweep
 */
@ConfigurationProperties("dbay.order")
public record OrderProperties(
    @DefaultValue("http://127.0.0.1:8003") String walletUrl,
    @DefaultValue("http://127.0.0.1:8001") String listingUrl,
    @DefaultValue("5m") Duration autoReleaseInterval,
    @DefaultValue("50") int autoReleaseBatch) {}
