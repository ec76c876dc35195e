package com.dbay.lambda.localruntime.functions;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Lambda context of one local invocation; the request id is the caller's idempotency key. */
record LocalContext(String requestId, String functionName, String functionArn) implements Context {

  private static final Logger log = LoggerFactory.getLogger("lambda");

  public String getAwsRequestId() {
    return requestId;
  }

  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  public String getLogStreamName() {
    return "local";
  }

  public String getFunctionName() {
    return functionName;
  }

  public String getFunctionVersion() {
    return "$LATEST";
  }

  public String getInvokedFunctionArn() {
    return functionArn;
  }

  public CognitoIdentity getIdentity() {
    return null;
  }

  public ClientContext getClientContext() {
    return null;
  }

  public int getRemainingTimeInMillis() {
    return 900_000;
  }

  public int getMemoryLimitInMB() {
    return 512;
  }

  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      public void log(String message) {
        log.info("[{}] {}", functionName, message);
      }

      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
