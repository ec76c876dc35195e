package com.dbay.lambda.asl;

/**
 * An error as ASL names it ({@code Error} and {@code Cause}): raised by a task, by a Fail state or
 * by the engine itself ({@code States.*}); Retry and Catch match on the name.
 */
public class StatesError extends RuntimeException {

  public static final String ALL = "States.ALL";
  public static final String TASK_FAILED = "States.TaskFailed";
  public static final String TIMEOUT = "States.Timeout";
  public static final String RUNTIME = "States.Runtime";
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  public static final String BRANCH_FAILED = "States.BranchFailed";

  private final String error;
  private final String errorCause;

  public StatesError(String error, String cause) {
    super(error + (cause == null ? "" : ": " + cause), null, false, false);
    this.error = error;
    this.errorCause = cause;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return errorCause;
  }

  /** Engine errors that no Retry or Catch may handle (the specification's States.Runtime). */
  public boolean isTerminal() {
    return RUNTIME.equals(error);
  }
}
