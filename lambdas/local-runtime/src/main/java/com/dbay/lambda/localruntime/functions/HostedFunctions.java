package com.dbay.lambda.localruntime.functions;

import com.dbay.lambda.auctioncloser.AuctionCloserHandler;
import com.dbay.lambda.auctioncloser.AuctionSettlementHandler;
import com.dbay.lambda.blockchainbroadcaster.BlockchainBroadcasterHandler;
import com.dbay.lambda.depositwatcher.DepositConfirmationHandler;
import com.dbay.lambda.depositwatcher.DepositWatcherHandler;
import com.dbay.lambda.imageprocessor.ImageProcessorHandler;
import com.dbay.lambda.searchindexer.SearchIndexerHandler;
import com.dbay.lambda.websockethandler.WebSocketHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The functions this runtime hosts, under the names CDK deploys them with. Each is built with the
 * constructor the Lambda runtime uses; a feature issue that brings a function's logic swaps in the
 * constructor that takes its local adapters.
 */
@Configuration(proxyBeanMethods = false)
class HostedFunctions {

    @Bean
    LocalFunction imageProcessor() {
        return LocalFunction.of("image-processor", new ImageProcessorHandler());
    }

    @Bean
    LocalFunction auctionCloser() {
        return LocalFunction.of("auction-closer", new AuctionCloserHandler());
    }

    @Bean
    LocalFunction auctionSettlement() {
        return LocalFunction.of("auction-settlement", new AuctionSettlementHandler());
    }

    @Bean
    LocalFunction depositWatcher() {
        return LocalFunction.of("deposit-watcher", new DepositWatcherHandler());
    }

    @Bean
    LocalFunction depositConfirmations() {
        return LocalFunction.of("deposit-confirmations", new DepositConfirmationHandler());
    }

    @Bean
    LocalFunction searchIndexer() {
        return LocalFunction.of("search-indexer", new SearchIndexerHandler());
    }

    @Bean
    LocalFunction websocketHandler() {
        return LocalFunction.of("websocket-handler", new WebSocketHandler());
    }

    @Bean
    LocalFunction blockchainBroadcaster() {
        return LocalFunction.of("blockchain-broadcaster", new BlockchainBroadcasterHandler());
    }
}
