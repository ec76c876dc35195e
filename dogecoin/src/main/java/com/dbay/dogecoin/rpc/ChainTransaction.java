package com.dbay.dogecoin.rpc;

import com.dbay.dogecoin.DecodedTransaction;

/**
 * {@code getrawtransaction <txid> true}: the transaction and where it is. {@code blockHash} null
 * while unconfirmed.
 */
public record ChainTransaction(
    DecodedTransaction transaction, String blockHash, long confirmations) {}
