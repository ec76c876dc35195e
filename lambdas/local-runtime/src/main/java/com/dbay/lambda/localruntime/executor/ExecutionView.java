package com.dbay.lambda.localruntime.executor;

import java.time.Instant;

public record ExecutionView(
    String executionArn,
    String stateMachineArn,
    String name,
    String status,
    Instant startDate,
    Instant stopDate,
    String input,
    String output,
    String error,
    String cause) {}
