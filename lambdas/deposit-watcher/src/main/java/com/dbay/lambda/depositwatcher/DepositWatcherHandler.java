package com.dbay.lambda.depositwatcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;

/** Fired every block interval; each firing follows the chain from where the last one stopped. */
public class DepositWatcherHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

  private final Chain chain;

  public DepositWatcherHandler() {
    this(DogecoinChain.fromEnvironment());
  }

  public DepositWatcherHandler(Chain chain) {
    this.chain = chain;
  }

  @Override
  public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
    return chain.followTip();
  }
}
