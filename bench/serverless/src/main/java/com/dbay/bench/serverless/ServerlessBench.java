package com.dbay.bench.serverless;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.dbay.lambda.asl.AslParser;
import com.dbay.lambda.asl.InMemoryExecutor;
import com.dbay.lambda.asl.Json;
import com.dbay.lambda.asl.StateMachine;
import com.dbay.lambda.localruntime.LocalRuntimeApplication;
import com.dbay.lambda.localruntime.executor.DurableExecutor;
import com.dbay.lambda.localruntime.executor.ExecutionView;
import com.dbay.lambda.localruntime.functions.LocalFunction;
import com.dbay.lambda.localruntime.schedule.Scheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The serverless layer's targets: executor overhead per state ≤ 10 ms, a scheduled handler fires
 * within 1 s of its time. Reads the DBAY_* store variables like the runtime does.
 *
 * <p>Arguments (all optional): {@code states=1000 runs=5 tasks=200 scheduleSeconds=30}.
 */
public final class ServerlessBench {

  /** A do-nothing function, so that a Task chain measures the executor, not a handler. */
  @Configuration(proxyBeanMethods = false)
  static class BenchFunctions {
    @Bean
    LocalFunction noop() {
      return LocalFunction.of("noop", new Noop());
    }
  }

  static class Noop implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
      return input;
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, Integer> opts =
        new java.util.HashMap<>(
            Map.of("states", 1000, "runs", 5, "tasks", 200, "scheduleSeconds", 30));
    for (String a : args) {
      String[] kv = a.split("=", 2);
      opts.put(kv[0], Integer.parseInt(kv[1]));
    }
    int states = opts.get("states");
    int runs = opts.get("runs");
    int tasks = opts.get("tasks");

    String passChain =
        chain(
            states,
            i -> "{\"Type\": \"Pass\", \"Parameters\": {\"i\": " + i + ", \"prev.$\": \"$.i\"}");
    String taskChain =
        chain(
            tasks,
            i ->
                "{\"Type\": \"Task\", \"Resource\": \"${NoopFunctionArn}\", \"ResultPath\": \"$.r\"");

    System.out.println("== ASL interpreter alone (in memory, no persistence) ==");
    StateMachine machine = AslParser.parse(passChain);
    InMemoryExecutor.Result warm = null;
    for (int i = 0; i < 20; i++) {
      warm =
          new InMemoryExecutor((r, p, c) -> p, Instant.now())
              .run(machine, Json.parse("{\"i\": -1}"));
    }
    long t0 = System.nanoTime();
    int repeat = 20;
    for (int i = 0; i < repeat; i++) {
      new InMemoryExecutor((r, p, c) -> p, Instant.now()).run(machine, Json.parse("{\"i\": -1}"));
    }
    double perStateMicros = (System.nanoTime() - t0) / 1000.0 / repeat / states;
    System.out.printf(
        "%d-state Pass chain: %.1f µs per state (%s)%n", states, perStateMicros, warm.status());

    Path dir = Files.createTempDirectory("asl-bench");
    Files.writeString(dir.resolve("BenchPassChain.asl.json"), passChain);
    Files.writeString(dir.resolve("BenchTaskChain.asl.json"), taskChain);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(LocalRuntimeApplication.class, BenchFunctions.class)
            .run(
                "--server.port=0",
                "--dbay.serverless.workflows-dir=" + dir,
                "--dbay.serverless.events.stream=bench:events:" + UUID.randomUUID(),
                "--logging.level.com.dbay.lambda.localruntime.schedule=ERROR");
    try {
      DurableExecutor executor = context.getBean(DurableExecutor.class);
      System.out.println();
      System.out.println(
          "== Durable executor (PostgreSQL: one transaction per state, history rows) ==");
      durable(executor, "BenchPassChain", states, runs);
      durable(executor, "BenchTaskChain", tasks, runs);
    } finally {
      context.close();
    }

    System.out.println();
    System.out.println(
        "== Schedule lateness (fixed-rate clock, handler on its own virtual thread) ==");
    int seconds = opts.get("scheduleSeconds");
    Histogram lateness = new Histogram(3_600_000_000L, 3);
    long[] firings = new long[2];
    try (Scheduler scheduler =
        new Scheduler(
            f -> {
              if (f.skipped()) {
                firings[1]++;
              } else {
                lateness.recordValue(f.lateness().toNanos() / 1000);
                firings[0]++;
              }
            })) {
      scheduler.add("every-100ms", Duration.ofMillis(100), t -> {});
      scheduler.add("every-1s-a", Duration.ofSeconds(1), t -> Thread.sleep(50));
      scheduler.add("every-1s-b", Duration.ofSeconds(1), t -> {});
      scheduler.add("every-2s", Duration.ofSeconds(2), t -> {});
      scheduler.start();
      Thread.sleep(seconds * 1000L);
    }
    System.out.printf(
        "%d firings over %d s (%d skipped): lateness p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
        firings[0],
        seconds,
        firings[1],
        lateness.getValueAtPercentile(50) / 1000.0,
        lateness.getValueAtPercentile(99) / 1000.0,
        lateness.getValueAtPercentile(99.9) / 1000.0,
        lateness.getMaxValue() / 1000.0);
    System.exit(0);
  }

  private static void durable(DurableExecutor executor, String machine, int states, int runs)
      throws InterruptedException {
    String arn = "arn:aws:states:local:000000000000:stateMachine:" + machine;
    // Warm-up run, not counted.
    await(executor, executor.start(arn, null, "{\"i\": -1}").executionArn());
    Histogram perState = new Histogram(10_000_000L, 3);
    double total = 0;
    for (int r = 0; r < runs; r++) {
      Instant start = Instant.now();
      String execution = executor.start(arn, null, "{\"i\": -1}").executionArn();
      ExecutionView done = await(executor, execution);
      Duration took = Duration.between(start, done.stopDate());
      double micros = took.toNanos() / 1000.0 / states;
      perState.recordValue((long) micros);
      total += micros;
      if (!done.status().equals("SUCCEEDED")) {
        throw new IllegalStateException(
            machine + " ended " + done.status() + ": " + done.error() + " " + done.cause());
      }
    }
    System.out.printf(
        "%s (%d states) × %d executions: mean %.2f ms per state, worst execution %.2f ms per state%n",
        machine, states, runs, total / runs / 1000.0, perState.getMaxValue() / 1000.0);
  }

  private static ExecutionView await(DurableExecutor executor, String arn)
      throws InterruptedException {
    while (true) {
      ExecutionView v = executor.describe(arn);
      if (!v.status().equals("RUNNING")) {
        return v;
      }
      Thread.sleep(5);
    }
  }

  private static String chain(int n, java.util.function.IntFunction<String> state) {
    StringBuilder sb = new StringBuilder("{\"StartAt\": \"S0\", \"States\": {");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      String s = state.apply(i);
      sb.append("\"S")
          .append(i)
          .append("\": ")
          .append(s)
          .append(i == n - 1 ? ", \"End\": true}" : ", \"Next\": \"S" + (i + 1) + "\"}");
    }
    return sb.append("}}").toString();
  }
}
