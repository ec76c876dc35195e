package com.dbay.lambda.localruntime.functions;

/**
 * A function invocation that ended in an error, named as the Lambda Java runtime names it (the
 * exception class).
 */
public class FunctionFailure extends RuntimeException {

  private final String errorType;

  public FunctionFailure(String errorType, String message, Throwable cause) {
    super(message, cause);
    this.errorType = errorType;
  }

  public String errorType() {
    return errorType;
  }
}
