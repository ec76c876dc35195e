package com.dbay.lambda.localruntime.executor;

/** An error the Step Functions API names by type (ExecutionDoesNotExist, TaskTimedOut, ...). */
public class ApiException extends RuntimeException {

  private final String type;

  public ApiException(String type, String message) {
    super(message);
    this.type = type;
  }

  public String type() {
    return type;
  }
}
