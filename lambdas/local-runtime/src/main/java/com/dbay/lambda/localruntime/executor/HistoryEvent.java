package com.dbay.lambda.localruntime.executor;

import java.time.Instant;

public record HistoryEvent(
    long id, String type, String stateName, Integer step, String details, Instant timestamp) {}
