package com.dbay.lambda.localruntime.executor;

import com.dbay.lambda.asl.Interpreter;
import com.dbay.lambda.asl.Json;
import com.dbay.lambda.asl.Outcome;
import com.dbay.lambda.asl.State;
import com.dbay.lambda.asl.StateMachine;
import com.dbay.lambda.asl.StatesError;
import com.dbay.lambda.localruntime.ServerlessProperties;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Executes ASL durably. Every execution is a tree of runs (the machine, and one run per Parallel
 * branch); a run sits at one state in one phase, and every step from one phase to the next is one
 * PostgreSQL transaction guarded by the run's version. Workers claim ready runs with {@code FOR
 * UPDATE SKIP LOCKED} under a lease. Killing the process at any point therefore leaves each run at
 * its last committed step: a Wait keeps its due time, a Task that had not committed its completion
 * runs again with the same idempotency key (execution, run, step), and a completion is recorded at
 * most once per step.
 */
@Component
public class DurableExecutor implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DurableExecutor.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private static final SecureRandom RANDOM = new SecureRandom();

  static final String ENTER = "ENTER";
  static final String SLEEP = "SLEEP";
  static final String RESULT = "RESULT";
  static final String ERROR = "ERROR";
  static final String INVOKE_TOKEN = "INVOKE_TOKEN";
  static final String TOKEN = "TOKEN";
  static final String CHILDREN = "CHILDREN";

  record Run(
      long id,
      String executionArn,
      Long parentId,
      String branchPath,
      String stateName,
      String phase,
      String input,
      String pending,
      String attempts,
      int step,
      Instant enteredAt,
      int version) {}

  private record Execution(
      String arn,
      String name,
      String stateMachineArn,
      String stateMachineName,
      JsonNode input,
      Instant startTime,
      StateMachine machine) {}

  private static final RowMapper<Run> RUN =
      (rs, i) ->
          new Run(
              rs.getLong("id"),
              rs.getString("execution_arn"),
              (Long) rs.getObject("parent_id"),
              rs.getString("branch_path"),
              rs.getString("state_name"),
              rs.getString("phase"),
              rs.getString("input"),
              rs.getString("pending"),
              rs.getString("attempts"),
              rs.getInt("step"),
              rs.getTimestamp("entered_at").toInstant(),
              rs.getInt("version"));

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final StateMachineRegistry registry;
  private final TaskIntegrations integrations;
  private final ServerlessProperties.Executor settings;
  private final String owner = "runtime-" + UUID.randomUUID();
  private final Map<String, Execution> executions = new ConcurrentHashMap<>();
  private final Semaphore wake = new Semaphore(0);
  private final ExecutorService taskTimeouts = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService leaseRenewer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("asl-lease-renewer").factory());

  private record Scheduled(Timestamp at, String payload) {}

  /**
   * The TaskScheduled event of the task this worker thread is running, written with its completion.
   */
  private final ThreadLocal<Scheduled> scheduled = new ThreadLocal<>();

  private ExecutorService workers;
  private volatile boolean running;

  public DurableExecutor(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      StateMachineRegistry registry,
      TaskIntegrations integrations,
      ServerlessProperties properties) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.registry = registry;
    this.integrations = integrations;
    this.settings = properties.executor();
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void start() {
    // One runtime per database is the local set-up: leases left by a killed process are taken back
    // at
    // once instead of after they expire.
    int reclaimed =
        !settings.reclaimLeasesOnStart()
            ? 0
            : jdbc.update(
                "update runs set lease_owner = null, leased_until = null, version = version + 1"
                    + " where lease_owner is not null and status = 'READY'");
    if (reclaimed > 0) {
      log.info("took back {} runs leased by a previous process", reclaimed);
    }
    running = true;
    workers =
        Executors.newFixedThreadPool(
            settings.workers(), Thread.ofPlatform().name("asl-worker-", 0).factory());
    for (int i = 0; i < settings.workers(); i++) {
      workers.submit(this::work);
    }
  }

  @Override
  public void stop() {
    running = false;
    wake.release(settings.workers());
    workers.shutdown();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void signal() {
    if (wake.availablePermits() < settings.workers()) {
      wake.release();
    }
  }

  private void work() {
    while (running) {
      try {
        Run run = claim();
        if (run == null) {
          wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          continue;
        }
        try {
          drive(run);
        } finally {
          scheduled.remove();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.error("executor worker step failed; the run stays at its last committed step", e);
        sleepQuietly(200);
      }
    }
  }

  Run claim() {
    List<Run> claimed =
        jdbc.query(
            """
                update runs set lease_owner = ?, leased_until = now() + (? * interval '1 millisecond'),
                                version = version + 1
                where id = (select id from runs
                            where status = 'READY' and due_at <= now()
                              and (leased_until is null or leased_until < now())
                            order by due_at limit 1 for update skip locked)
                returning *""",
            RUN,
            owner,
            settings.lease().toMillis());
    return claimed.isEmpty() ? null : claimed.get(0);
  }

  // ---------------------------------------------------------------- driving a run

  private void drive(Run run) {
    Execution exec = execution(run.executionArn());
    StateMachine machine = exec.machine().branch(run.branchPath());
    while (run != null && running) {
      State state = machine.state(run.stateName());
      int[] attempts = attempts(run.attempts());
      JsonNode input = Json.parse(run.input());
      Instant now = Instant.now();
      Outcome outcome;
      boolean taskCompleted = false;
      switch (run.phase()) {
        case ENTER -> {
          if (state instanceof State.Task task && task.waitsForTaskToken()) {
            String token = newToken();
            run = toInvokeToken(run, token);
            if (run == null) {
              return;
            }
            outcome = invokeWithToken(exec, run, task, input, token, attempts);
            if (outcome == null) {
              return;
            }
          } else {
            outcome = Interpreter.enter(state, input, context(exec, run, attempts, null), now);
          }
        }
        case INVOKE_TOKEN -> {
          outcome = invokeWithToken(exec, run, (State.Task) state, input, run.pending(), attempts);
          if (outcome == null) {
            return;
          }
        }
        case SLEEP -> outcome = decodeThen(Json.parse(run.pending()));
        case RESULT ->
            outcome =
                Interpreter.succeeded(
                    state,
                    input,
                    Json.parse(run.pending()),
                    context(exec, run, attempts, null),
                    attempts);
        case ERROR -> {
          JsonNode error = Json.parse(run.pending());
          outcome =
              Interpreter.failed(
                  state,
                  input,
                  error.path("Error").asText(null),
                  error.path("Cause").asText(null),
                  attempts);
        }
        case TOKEN ->
            outcome =
                Interpreter.failed(
                    state,
                    input,
                    StatesError.TIMEOUT,
                    "no SendTaskSuccess/SendTaskFailure within TimeoutSeconds",
                    attempts);
        default -> throw new IllegalStateException("run " + run.id() + " in phase " + run.phase());
      }
      if (outcome instanceof Outcome.Invoke invoke) {
        outcome = runTask(exec, run, state, invoke, input, attempts);
        taskCompleted = true;
      }
      if (outcome instanceof Outcome.Sleep sleep && !sleep.until().isAfter(Instant.now())) {
        outcome = sleep.then();
      }
      run = apply(exec, run, state, outcome, taskCompleted);
    }
    if (run == null && isRootEnd(exec)) {
      executions.remove(exec.arn());
    }
  }

  private Outcome runTask(
      Execution exec, Run run, State state, Outcome.Invoke invoke, JsonNode input, int[] attempts) {
    State.Task task = invoke.task();
    String key = exec.name() + "/" + run.id() + "/" + run.step();
    // Recorded with the step's completion, in the same transaction (one commit per Task state).
    scheduled.set(new Scheduled(Timestamp.from(Instant.now()), Json.write(invoke.payload())));
    // The lease is renewed while the function runs, so a long task is never taken over by another
    // worker.
    long renewEvery = Math.max(1000, settings.lease().toMillis() / 3);
    ScheduledFuture<?> renewal =
        leaseRenewer.scheduleAtFixedRate(
            () -> {
              try {
                extendLease(run, settings.lease().toMillis());
              } catch (RuntimeException e) {
                log.warn("could not renew the lease of run {}: {}", run.id(), e.getMessage());
              }
            },
            renewEvery,
            renewEvery,
            TimeUnit.MILLISECONDS);
    try {
      JsonNode result;
      if (task.timeoutSeconds() != null) {
        extendLease(run, task.timeoutSeconds() * 1000L + settings.lease().toMillis());
        Future<JsonNode> future =
            taskTimeouts.submit(() -> integrations.invoke(task.resource(), invoke.payload(), key));
        try {
          result = future.get(task.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          future.cancel(true);
          throw new StatesError(
              StatesError.TIMEOUT, "Task did not finish within " + task.timeoutSeconds() + " s");
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException re
              ? re
              : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StatesError(StatesError.TASK_FAILED, "interrupted");
        }
      } else {
        result = integrations.invoke(task.resource(), invoke.payload(), key);
      }
      return Interpreter.succeeded(
          state, input, result, context(exec, run, attempts, null), attempts);
    } catch (StatesError e) {
      return Interpreter.failed(state, input, e.error(), e.cause(), attempts);
    } catch (RuntimeException e) {
      return Interpreter.failed(
          state, input, e.getClass().getName(), String.valueOf(e.getMessage()), attempts);
    } finally {
      renewal.cancel(false);
    }
  }

  /**
   * Returns the outcome when the task ended without waiting (an error), or null once it waits for
   * its token.
   */
  private Outcome invokeWithToken(
      Execution exec, Run run, State.Task task, JsonNode input, String token, int[] attempts) {
    Outcome entered =
        Interpreter.enter(task, input, context(exec, run, attempts, token), Instant.now());
    if (!(entered instanceof Outcome.Invoke invoke)) {
      return entered;
    }
    history(exec.arn(), run, "TaskScheduled", task.name(), Json.write(invoke.payload()));
    try {
      integrations.invoke(
          task.resource(), invoke.payload(), exec.name() + "/" + run.id() + "/" + run.step());
    } catch (StatesError e) {
      return Interpreter.failed(task, input, e.error(), e.cause(), attempts);
    } catch (RuntimeException e) {
      return Interpreter.failed(
          task, input, e.getClass().getName(), String.valueOf(e.getMessage()), attempts);
    }
    String dueSql =
        task.timeoutSeconds() == null
            ? "'infinity'::timestamptz"
            : "entered_at + (" + task.timeoutSeconds() + " * interval '1 second')";
    jdbc.update(
        "update runs set phase = 'TOKEN', due_at = "
            + dueSql
            + ", lease_owner = null, leased_until = null,"
            + " version = version + 1 where id = ? and version = ? and phase = 'INVOKE_TOKEN'",
        run.id(),
        run.version());
    // A lost update means SendTaskSuccess/Failure (or a stop) got there first: nothing more to do
    // here.
    return null;
  }

  private Run toInvokeToken(Run run, String token) {
    return tx.execute(
        status -> {
          int rows =
              jdbc.update(
                  "update runs set phase = 'INVOKE_TOKEN', pending = ?, version = version + 1"
                      + " where id = ? and version = ? and lease_owner = ?",
                  token,
                  run.id(),
                  run.version(),
                  owner);
          if (rows == 0) {
            return null;
          }
          jdbc.update(
              "insert into task_tokens (token, run_id, step) values (?, ?, ?)",
              token,
              run.id(),
              run.step());
          return withVersion(run, INVOKE_TOKEN, token, run.version() + 1);
        });
  }

  /**
   * Commits one step. Returns the run to continue with in this worker, or null when the run now
   * waits (timer, children, token), has ended, or was changed by someone else (stop, token, another
   * worker).
   */
  private Run apply(Execution exec, Run run, State state, Outcome outcome, boolean taskCompleted) {
    Run next =
        tx.execute(
            status -> {
              // A retry is not a completion: the next attempt of the same step must still be able
              // to complete it.
              if (taskCompleted && !(outcome instanceof Outcome.Retry)) {
                int recorded =
                    jdbc.update(
                        "insert into task_completions (run_id, step) values (?, ?) on conflict do nothing",
                        run.id(),
                        run.step());
                if (recorded == 0) {
                  status.setRollbackOnly();
                  return null;
                }
              }
              Scheduled task = scheduled.get();
              if (task != null) {
                scheduled.remove();
                jdbc.update(
                    "insert into history (execution_arn, run_id, type, state_name, step, details, at)"
                        + " values (?, ?, 'TaskScheduled', ?, ?, ?, ?)",
                    exec.arn(),
                    run.id(),
                    state.name(),
                    run.step(),
                    task.payload(),
                    task.at());
              }
              Run result = applyInTransaction(exec, run, state, outcome);
              if (result == LOST) {
                status.setRollbackOnly();
                return null;
              }
              return result;
            });
    signal();
    return next;
  }

  private boolean isRootEnd(Execution exec) {
    String status =
        jdbc.queryForObject(
            "select status from executions where arn = ?", String.class, exec.arn());
    return !"RUNNING".equals(status);
  }

  private static final Run LOST =
      new Run(-1, null, null, null, null, null, null, null, null, 0, Instant.EPOCH, 0);

  private Run applyInTransaction(Execution exec, Run run, State state, Outcome outcome) {
    switch (outcome) {
      case Outcome.Next n -> {
        int rows =
            jdbc.update(
                """
                        update runs set state_name = ?, phase = 'ENTER', input = ?, pending = null, attempts = null,
                               step = step + 1, entered_at = clock_timestamp(), version = version + 1
                        where id = ? and version = ? and lease_owner = ?""",
                n.next(),
                Json.write(n.output()),
                run.id(),
                run.version(),
                owner);
        if (rows == 0) {
          return LOST;
        }
        jdbc.update("delete from task_tokens where run_id = ?", run.id());
        history(
            exec.arn(), run, state.type() + "StateExited", state.name(), Json.write(n.output()));
        Run moved =
            new Run(
                run.id(),
                run.executionArn(),
                run.parentId(),
                run.branchPath(),
                n.next(),
                ENTER,
                Json.write(n.output()),
                null,
                null,
                run.step() + 1,
                Instant.now(),
                run.version() + 1);
        State nextState = exec.machine().branch(run.branchPath()).state(n.next());
        history(exec.arn(), moved, nextState.type() + "StateEntered", n.next(), null);
        return moved;
      }
      case Outcome.Sleep s -> {
        int rows =
            jdbc.update(
                """
                        update runs set phase = 'SLEEP', pending = ?, due_at = ?, lease_owner = null, leased_until = null,
                               version = version + 1
                        where id = ? and version = ? and lease_owner = ?""",
                Json.write(encodeThen(s.then())),
                Timestamp.from(s.until()),
                run.id(),
                run.version(),
                owner);
        return rows == 0 ? LOST : null;
      }
      case Outcome.Retry r -> {
        int rows =
            jdbc.update(
                """
                        update runs set phase = 'ENTER', pending = null, attempts = ?,
                               due_at = clock_timestamp() + (? * interval '1 millisecond'),
                               lease_owner = null, leased_until = null, version = version + 1
                        where id = ? and version = ? and lease_owner = ?""",
                Json.write(Json.toNode(r.attempts())),
                r.delayMillis(),
                run.id(),
                run.version(),
                owner);
        if (rows == 0) {
          return LOST;
        }
        jdbc.update("delete from task_tokens where run_id = ?", run.id());
        history(
            exec.arn(),
            run,
            "TaskRetryScheduled",
            state.name(),
            Json.write(error(r.error(), r.cause()).put("DelayMillis", r.delayMillis())));
        return null;
      }
      case Outcome.Fork f -> {
        int rows =
            jdbc.update(
                """
                        update runs set status = 'WAITING', phase = 'CHILDREN', lease_owner = null, leased_until = null,
                               version = version + 1
                        where id = ? and version = ? and lease_owner = ?""",
                run.id(),
                run.version(),
                owner);
        if (rows == 0) {
          return LOST;
        }
        List<StateMachine> branches = f.parallel().branches();
        for (int i = 0; i < branches.size(); i++) {
          String path =
              (run.branchPath().isEmpty() ? "" : run.branchPath() + "/") + state.name() + "/" + i;
          jdbc.update(
              """
                            insert into runs (execution_arn, parent_id, branch_index, branch_path, state_name, phase, input,
                                              step, entered_at, status, due_at)
                            values (?, ?, ?, ?, ?, 'ENTER', ?, 0, clock_timestamp(), 'READY', clock_timestamp())""",
              exec.arn(),
              run.id(),
              i,
              path,
              branches.get(i).startAt(),
              Json.write(f.input()));
        }
        history(exec.arn(), run, "ParallelStateStarted", state.name(), null);
        return null;
      }
      case Outcome.Succeeded s -> {
        int rows =
            jdbc.update(
                """
                        update runs set status = 'SUCCEEDED', output = ?, lease_owner = null, leased_until = null,
                               version = version + 1
                        where id = ? and version = ? and lease_owner = ?""",
                Json.write(s.output()),
                run.id(),
                run.version(),
                owner);
        if (rows == 0) {
          return LOST;
        }
        jdbc.update("delete from task_tokens where run_id = ?", run.id());
        history(
            exec.arn(), run, state.type() + "StateExited", state.name(), Json.write(s.output()));
        if (run.parentId() == null) {
          jdbc.update(
              "update executions set status = 'SUCCEEDED', output = ?, stop_date = clock_timestamp()"
                  + " where arn = ? and status = 'RUNNING'",
              Json.write(s.output()),
              exec.arn());
          history(exec.arn(), run, "ExecutionSucceeded", null, Json.write(s.output()));
        } else {
          joinIfLast(run.parentId());
        }
        return null;
      }
      case Outcome.Failed f -> {
        int rows =
            jdbc.update(
                """
                        update runs set status = 'FAILED', error = ?, cause = ?, lease_owner = null, leased_until = null,
                               version = version + 1
                        where id = ? and version = ? and lease_owner = ?""",
                f.error(),
                f.cause(),
                run.id(),
                run.version(),
                owner);
        if (rows == 0) {
          return LOST;
        }
        jdbc.update("delete from task_tokens where run_id = ?", run.id());
        history(
            exec.arn(),
            run,
            state.type() + "StateFailed",
            state.name(),
            Json.write(error(f.error(), f.cause())));
        if (run.parentId() == null) {
          jdbc.update(
              "update executions set status = 'FAILED', error = ?, cause = ?, stop_date = clock_timestamp()"
                  + " where arn = ? and status = 'RUNNING'",
              f.error(),
              f.cause(),
              exec.arn());
          cancelRuns(exec.arn());
          history(
              exec.arn(), run, "ExecutionFailed", null, Json.write(error(f.error(), f.cause())));
        } else {
          branchFailed(run.parentId(), f);
        }
        return null;
      }
      default -> throw new IllegalStateException("cannot apply " + outcome);
    }
  }

  private void joinIfLast(long parentId) {
    List<Map<String, Object>> parent =
        jdbc.queryForList("select status, phase from runs where id = ? for update", parentId);
    if (parent.isEmpty()
        || !"WAITING".equals(parent.get(0).get("status"))
        || !CHILDREN.equals(parent.get(0).get("phase"))) {
      return;
    }
    Integer open =
        jdbc.queryForObject(
            "select count(*) from runs where parent_id = ? and status <> 'SUCCEEDED'",
            Integer.class,
            parentId);
    if (open != null && open == 0) {
      ArrayNode outputs = Json.NODES.arrayNode();
      jdbc.query(
          "select output from runs where parent_id = ? order by branch_index",
          (ResultSet rs) -> {
            outputs.add(Json.parse(rs.getString(1)));
          },
          parentId);
      jdbc.update(
          """
                    update runs set phase = 'RESULT', pending = ?, status = 'READY', due_at = clock_timestamp(),
                           version = version + 1 where id = ?""",
          Json.write(outputs),
          parentId);
    }
  }

  private void branchFailed(long parentId, Outcome.Failed failure) {
    List<Map<String, Object>> parent =
        jdbc.queryForList("select status, phase from runs where id = ? for update", parentId);
    if (parent.isEmpty()
        || !"WAITING".equals(parent.get(0).get("status"))
        || !CHILDREN.equals(parent.get(0).get("phase"))) {
      return;
    }
    jdbc.update(
        """
                with recursive d as (select id from runs where parent_id = ?
                                     union all select r.id from runs r join d on r.parent_id = d.id)
                update runs set status = 'CANCELLED', lease_owner = null, version = version + 1
                where id in (select id from d) and status in ('READY', 'WAITING')""",
        parentId);
    jdbc.update(
        """
                update runs set phase = 'ERROR', pending = ?, status = 'READY', due_at = clock_timestamp(),
                       version = version + 1 where id = ?""",
        Json.write(error(failure.error(), failure.cause())),
        parentId);
  }

  private void cancelRuns(String executionArn) {
    jdbc.update(
        "update runs set status = 'CANCELLED', lease_owner = null, version = version + 1"
            + " where execution_arn = ? and status in ('READY', 'WAITING')",
        executionArn);
    jdbc.update(
        "delete from task_tokens where run_id in (select id from runs where execution_arn = ?)",
        executionArn);
  }

  private void extendLease(Run run, long millis) {
    jdbc.update(
        "update runs set leased_until = now() + (? * interval '1 millisecond') where id = ? and lease_owner = ?",
        millis,
        run.id(),
        owner);
  }

  // ---------------------------------------------------------------- the API

  public record Started(String executionArn, Instant startDate) {}

  public Started start(String stateMachineArn, String name, String input) {
    StateMachineRegistry.Definition definition =
        registry
            .byArn(stateMachineArn)
            .orElseThrow(
                () ->
                    new ApiException(
                        "StateMachineDoesNotExist",
                        "State Machine Does Not Exist: '" + stateMachineArn + "'"));
    String executionName = name == null || name.isBlank() ? UUID.randomUUID().toString() : name;
    if (!NAME.matcher(executionName).matches()) {
      throw new ApiException("InvalidName", "Invalid Name: '" + executionName + "'");
    }
    String inputText = input == null || input.isBlank() ? "{}" : input;
    JsonNode inputJson;
    try {
      inputJson = Json.parse(inputText);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          "InvalidExecutionInput", "Invalid State Machine Execution Input: " + e.getMessage());
    }
    String arn = registry.executionArn(definition.name(), executionName);
    try {
      Started started =
          tx.execute(
              status -> {
                Optional<Started> existing = existing(arn, inputJson);
                if (existing.isPresent()) {
                  return existing.get();
                }
                Timestamp now = Timestamp.from(Instant.now());
                jdbc.update(
                    """
                        insert into executions (arn, state_machine, name, status, definition, input, start_date)
                        values (?, ?, ?, 'RUNNING', ?, ?, ?)""",
                    arn,
                    definition.name(),
                    executionName,
                    definition.text(),
                    Json.write(inputJson),
                    now);
                Long runId =
                    jdbc.queryForObject(
                        """
                        insert into runs (execution_arn, branch_path, state_name, phase, input, step, entered_at, status, due_at)
                        values (?, '', ?, 'ENTER', ?, 0, ?, 'READY', ?) returning id""",
                        Long.class,
                        arn,
                        definition.machine().startAt(),
                        Json.write(inputJson),
                        now,
                        now);
                Run root =
                    new Run(
                        runId,
                        arn,
                        null,
                        "",
                        definition.machine().startAt(),
                        ENTER,
                        null,
                        null,
                        null,
                        0,
                        now.toInstant(),
                        0);
                history(arn, root, "ExecutionStarted", null, Json.write(inputJson));
                history(
                    arn,
                    root,
                    definition.machine().state(definition.machine().startAt()).type()
                        + "StateEntered",
                    definition.machine().startAt(),
                    null);
                return new Started(arn, now.toInstant());
              });
      signal();
      return started;
    } catch (DuplicateKeyException e) {
      return existing(arn, inputJson)
          .orElseThrow(
              () ->
                  new ApiException(
                      "ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'"));
    }
  }

  /** StartExecution is idempotent for a running execution of the same name and input, as in AWS. */
  private Optional<Started> existing(String arn, JsonNode input) {
    List<Map<String, Object>> rows =
        jdbc.queryForList("select status, input, start_date from executions where arn = ?", arn);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = rows.get(0);
    if ("RUNNING".equals(row.get("status"))
        && Json.parse((String) row.get("input")).equals(input)) {
      return Optional.of(new Started(arn, ((Timestamp) row.get("start_date")).toInstant()));
    }
    throw new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
  }

  private static final RowMapper<ExecutionView> VIEW =
      (rs, i) ->
          new ExecutionView(
              rs.getString("arn"),
              null,
              rs.getString("name"),
              rs.getString("status"),
              rs.getTimestamp("start_date").toInstant(),
              instant(rs, "stop_date"),
              rs.getString("input"),
              rs.getString("output"),
              rs.getString("error"),
              rs.getString("cause"));

  private ExecutionView withMachine(ExecutionView v, String machine) {
    return new ExecutionView(
        v.executionArn(),
        registry.arn(machine),
        v.name(),
        v.status(),
        v.startDate(),
        v.stopDate(),
        v.input(),
        v.output(),
        v.error(),
        v.cause());
  }

  public ExecutionView describe(String executionArn) {
    List<ExecutionView> rows =
        jdbc.query(
            "select * from executions where arn = ?",
            (rs, i) -> withMachine(VIEW.mapRow(rs, i), rs.getString("state_machine")),
            executionArn);
    if (rows.isEmpty()) {
      throw new ApiException(
          "ExecutionDoesNotExist", "Execution Does Not Exist: '" + executionArn + "'");
    }
    return rows.get(0);
  }

  public List<ExecutionView> list(
      String stateMachineArn, String statusFilter, int limit, int offset) {
    StateMachineRegistry.Definition definition =
        registry
            .byArn(stateMachineArn)
            .orElseThrow(
                () ->
                    new ApiException(
                        "StateMachineDoesNotExist",
                        "State Machine Does Not Exist: '" + stateMachineArn + "'"));
    return jdbc.query(
        """
                select * from executions where state_machine = ? and (?::text is null or status = ?)
                order by start_date desc, arn limit ? offset ?""",
        (rs, i) -> withMachine(VIEW.mapRow(rs, i), rs.getString("state_machine")),
        definition.name(),
        statusFilter,
        statusFilter,
        limit,
        offset);
  }

  public Instant stop(String executionArn, String error, String cause) {
    Instant stopped =
        tx.execute(
            status -> {
              int rows =
                  jdbc.update(
                      "update executions set status = 'ABORTED', error = ?, cause = ?,"
                          + " stop_date = clock_timestamp() where arn = ? and status = 'RUNNING'",
                      error,
                      cause,
                      executionArn);
              if (rows == 0) {
                describe(executionArn);
              } else {
                cancelRuns(executionArn);
                jdbc.update(
                    "insert into history (execution_arn, type, details) values (?, 'ExecutionAborted', ?)",
                    executionArn,
                    Json.write(error(error, cause)));
              }
              return jdbc.queryForObject(
                      "select stop_date from executions where arn = ?",
                      Timestamp.class,
                      executionArn)
                  .toInstant();
            });
    return stopped;
  }

  public void sendTaskSuccess(String token, String output) {
    JsonNode result;
    try {
      result = Json.parse(output == null ? "null" : output);
    } catch (IllegalArgumentException e) {
      throw new ApiException("InvalidOutput", "Invalid output: " + e.getMessage());
    }
    completeToken(token, RESULT, Json.write(result), "TaskSucceeded");
  }

  public void sendTaskFailure(String token, String error, String cause) {
    completeToken(token, ERROR, Json.write(error(error, cause)), "TaskFailed");
  }

  public void heartbeat(String token) {
    Integer known =
        jdbc.queryForObject(
            "select count(*) from task_tokens where token = ?", Integer.class, token);
    if (known == null || known == 0) {
      throw new ApiException(
          "TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
    }
  }

  private void completeToken(String token, String phase, String pending, String historyType) {
    boolean done =
        Boolean.TRUE.equals(
            tx.execute(
                status -> {
                  List<Map<String, Object>> tokens =
                      jdbc.queryForList(
                          "select run_id, step from task_tokens where token = ?", token);
                  if (tokens.isEmpty()) {
                    return false;
                  }
                  long runId = ((Number) tokens.get(0).get("run_id")).longValue();
                  List<Run> runs =
                      jdbc.query("select * from runs where id = ? for update", RUN, runId);
                  if (runs.isEmpty()) {
                    return false;
                  }
                  Run run = runs.get(0);
                  if (!(INVOKE_TOKEN.equals(run.phase()) || TOKEN.equals(run.phase()))
                      || !token.equals(run.pending())) {
                    return false;
                  }
                  jdbc.update(
                      """
                    update runs set phase = ?, pending = ?, status = 'READY', due_at = clock_timestamp(),
                           lease_owner = null, leased_until = null, version = version + 1 where id = ?""",
                      phase,
                      pending,
                      runId);
                  jdbc.update("delete from task_tokens where token = ?", token);
                  history(run.executionArn(), run, historyType, run.stateName(), pending);
                  return true;
                }));
    if (!done) {
      throw new ApiException(
          "TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
    }
    signal();
  }

  public List<HistoryEvent> history(String executionArn) {
    describe(executionArn);
    return jdbc.query(
        "select * from history where execution_arn = ? order by id",
        (rs, i) ->
            new HistoryEvent(
                rs.getLong("id"),
                rs.getString("type"),
                rs.getString("state_name"),
                (Integer) rs.getObject("step"),
                rs.getString("details"),
                rs.getTimestamp("at").toInstant()),
        executionArn);
  }

  // ---------------------------------------------------------------- helpers

  private Execution execution(String arn) {
    return executions.computeIfAbsent(
        arn,
        a ->
            jdbc.queryForObject(
                "select arn, name, state_machine, definition, input, start_date from executions where arn = ?",
                (rs, i) ->
                    new Execution(
                        rs.getString("arn"),
                        rs.getString("name"),
                        registry.arn(rs.getString("state_machine")),
                        rs.getString("state_machine"),
                        Json.parse(rs.getString("input")),
                        rs.getTimestamp("start_date").toInstant(),
                        registry.parseStored(rs.getString("definition"))),
                a));
  }

  private ObjectNode context(Execution exec, Run run, int[] attempts, String token) {
    ObjectNode context = Json.NODES.objectNode();
    ObjectNode execution = context.putObject("Execution");
    execution.put("Id", exec.arn());
    execution.set("Input", exec.input());
    execution.put("Name", exec.name());
    execution.put("StartTime", exec.startTime().toString());
    execution.put("RoleArn", "arn:aws:iam::000000000000:role/local-runtime");
    context
        .putObject("StateMachine")
        .put("Id", exec.stateMachineArn())
        .put("Name", exec.stateMachineName());
    ObjectNode state = context.putObject("State");
    state.put("Name", run.stateName());
    state.put("EnteredTime", run.enteredAt().toString());
    int retries = 0;
    if (attempts != null) {
      for (int a : attempts) {
        retries += a;
      }
    }
    state.put("RetryCount", retries);
    if (token != null) {
      context.putObject("Task").put("Token", token);
    }
    return context;
  }

  private void history(
      String executionArn, Run run, String type, String stateName, String details) {
    jdbc.update(
        "insert into history (execution_arn, run_id, type, state_name, step, details) values (?, ?, ?, ?, ?, ?)",
        executionArn,
        run.id(),
        type,
        stateName,
        run.step(),
        details);
  }

  private static ObjectNode error(String error, String cause) {
    ObjectNode node = Json.NODES.objectNode();
    node.put("Error", error);
    node.put("Cause", cause);
    return node;
  }

  private static JsonNode encodeThen(Outcome then) {
    ObjectNode node = Json.NODES.objectNode();
    if (then instanceof Outcome.Next n) {
      node.put("next", n.next());
      node.set("output", n.output());
    } else if (then instanceof Outcome.Succeeded s) {
      node.set("succeeded", s.output());
    } else {
      throw new IllegalArgumentException("a Wait continues with Next or Succeeded, not " + then);
    }
    return node;
  }

  private static Outcome decodeThen(JsonNode node) {
    return node.has("next")
        ? new Outcome.Next(node.get("next").asString(""), node.get("output"))
        : new Outcome.Succeeded(node.get("succeeded"));
  }

  private static int[] attempts(String text) {
    if (text == null) {
      return null;
    }
    JsonNode node = Json.parse(text);
    int[] out = new int[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.get(i).asInt(0);
    }
    return out;
  }

  private static Run withVersion(Run r, String phase, String pending, int version) {
    return new Run(
        r.id(),
        r.executionArn(),
        r.parentId(),
        r.branchPath(),
        r.stateName(),
        phase,
        r.input(),
        pending,
        r.attempts(),
        r.step(),
        r.enteredAt(),
        version);
  }

  private static String newToken() {
    byte[] bytes = new byte[48];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** For tests: how many runs are waiting to be claimed now. */
  int readyNow() {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from runs where status = 'READY' and due_at <= now()", Integer.class);
    return n == null ? 0 : n;
  }
}
