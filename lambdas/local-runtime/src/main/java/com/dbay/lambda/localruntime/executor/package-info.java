/**
 * The durable ASL executor: executions, runs and timers in PostgreSQL, task integrations, the
 * definitions.
 */
package com.dbay.lambda.localruntime.executor;
