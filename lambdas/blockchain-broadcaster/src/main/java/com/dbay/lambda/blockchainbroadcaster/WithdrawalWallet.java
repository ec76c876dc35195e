package com.dbay.lambda.blockchainbroadcaster;

import java.util.Map;

/** The wallet-service's internal withdrawal endpoints the workflow needs. */
public interface WithdrawalWallet {

    /**
     * The withdrawal's one signed transaction: signed and stored by the wallet on the first call
     * ({@code DBAY_WALLET_SIGNING=true}), the stored one on every later call. {"txid", "rawTransaction", "status"}.
     */
    Map<String, Object> sign(String withdrawalId);

    /** Settles once the transaction has {@code confirmations}; {"status"} is COMPLETED then, unchanged before. */
    Map<String, Object> settle(String withdrawalId, int confirmations);
}
