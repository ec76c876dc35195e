package com.dbay.lambda.localruntime.functions;

import com.dbay.lambda.auctioncloser.AuctionCloserHandler;
import com.dbay.lambda.auctioncloser.AuctionSettlementHandler;
import com.dbay.lambda.blockchainbroadcaster.BlockchainBroadcasterHandler;
import com.dbay.lambda.depositwatcher.DepositConfirmationHandler;
import com.dbay.lambda.depositwatcher.DepositWatcherHandler;
import com.dbay.lambda.depositwatcher.DogecoinChain;
import com.dbay.lambda.imageprocessor.ImageProcessorHandler;
import com.dbay.lambda.localruntime.executor.DurableExecutor;
import com.dbay.lambda.localruntime.executor.StateMachineRegistry;
import com.dbay.lambda.searchindexer.SearchIndexerHandler;
import com.dbay.lambda.websockethandler.WebSocketHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
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

  /**
   * Node, wallet and cursor from the environment (DBAY_DOGE_RPC_URL, DBAY_WALLET_URL,
   * DBAY_DEPOSIT_WATCHER_CURSOR); workflows start in this process's executor (looked up at call
   * time: the executor needs the functions first).
   */
  @Bean
  DogecoinChain depositChain(
      ObjectProvider<DurableExecutor> executor, ObjectProvider<StateMachineRegistry> machines) {
    return DogecoinChain.fromEnvironment(
        (name, input) ->
            executor
                .getObject()
                .start(machines.getObject().arn("DepositConfirmationWorkflow"), name, input));
  }

  @Bean
  LocalFunction depositWatcher(DogecoinChain depositChain) {
    return LocalFunction.of("deposit-watcher", new DepositWatcherHandler(depositChain));
  }

  @Bean
  LocalFunction depositConfirmations(DogecoinChain depositChain) {
    return LocalFunction.of("deposit-confirmations", new DepositConfirmationHandler(depositChain));
  }

  @Bean
  LocalFunction searchIndexer() {
    return LocalFunction.of("search-indexer", new SearchIndexerHandler());
  }

  /**
   * API Gateway's WebSocket function checks Cognito tokens with the authorizer's verifier, so it is
   * hosted only where a user pool is configured; on one machine the gateway's own {@code /ws} is
   * the WebSocket endpoint and this function has nothing to serve.
   */
  @Bean
  @ConditionalOnExpression("!'${COGNITO_USER_POOL_ID:}'.isBlank()")
  LocalFunction websocketHandler() {
    return LocalFunction.of("websocket-handler", new WebSocketHandler());
  }

  @Bean
  LocalFunction blockchainBroadcaster() {
    return LocalFunction.of("blockchain-broadcaster", new BlockchainBroadcasterHandler());
  }
}
