package com.dbay.dogecoin.rpc;

/**
 * The parts of {@code getblockchaininfo} the wallet uses. {@code chain} is "main", "test" or
 * "regtest".
 */
public record BlockchainInfo(
    String chain,
    long blocks,
    long headers,
    String bestBlockHash,
    long medianTime,
    boolean initialBlockDownload) {}
