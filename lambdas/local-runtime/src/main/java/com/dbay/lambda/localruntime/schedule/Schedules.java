package com.dbay.lambda.localruntime.schedule;

import com.dbay.lambda.asl.Json;
import com.dbay.lambda.localruntime.ServerlessProperties;
import com.dbay.lambda.localruntime.functions.FunctionFailure;
import com.dbay.lambda.localruntime.functions.FunctionRegistry;
import com.dbay.lambda.localruntime.functions.LocalFunction;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scheduled functions ({@code dbay.serverless.schedules: <function>: rate(...)}), each fed an
 * EventBridge "Scheduled Event" whose time is the scheduled time of the firing.
 */
@Component
public class Schedules implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Schedules.class);

  private final Scheduler scheduler;
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
  private volatile boolean running;

  public Schedules(ServerlessProperties properties, FunctionRegistry functions) {
    this.scheduler = new Scheduler(null);
    properties
        .schedules()
        .forEach(
            (name, expression) -> {
              LocalFunction function =
                  functions
                      .find(name)
                      .orElseThrow(
                          () -> new IllegalStateException("schedule for unknown function " + name));
              String rule =
                  "arn:aws:events:"
                      + properties.region()
                      + ":"
                      + properties.account()
                      + ":rule/"
                      + name
                      + "-schedule";
              scheduler.add(
                  name,
                  ScheduleExpression.period(expression),
                  scheduled -> {
                    ObjectNode event = Json.NODES.objectNode();
                    event.put("version", "0");
                    event.put("id", UUID.randomUUID().toString());
                    event.put("detail-type", "Scheduled Event");
                    event.put("source", "aws.events");
                    event.put("account", properties.account());
                    event.put("time", scheduled.toString());
                    event.put("region", properties.region());
                    event.putArray("resources").add(rule);
                    event.putObject("detail");
                    try {
                      functions.invoke(function, event, event.get("id").asString(""));
                      failures.remove(name);
                    } catch (FunctionFailure e) {
                      long n =
                          failures.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
                      // A function whose logic has not landed fails every few seconds; say so once,
                      // then rarely.
                      if (n == 1 || n % 100 == 0) {
                        log.warn(
                            "scheduled {} failed ({} in a row): {}: {}",
                            name,
                            n,
                            e.errorType(),
                            e.getMessage());
                      }
                      throw e;
                    }
                  });
              log.info("scheduled {} at {}", name, expression);
            });
  }

  public Map<String, Scheduler.Stats> stats() {
    return scheduler.stats();
  }

  @Override
  public void start() {
    scheduler.start();
    running = true;
  }

  @Override
  public void stop() {
    scheduler.close();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
