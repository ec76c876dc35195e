package com.dbay.lambda.depositwatcher;

/**
 * Starts a DepositConfirmationWorkflow execution; the same name and input again is a no-op (as
 * StartExecution).
 */
@FunctionalInterface
public interface WorkflowStarter {

  void start(String name, String inputJson);
}
