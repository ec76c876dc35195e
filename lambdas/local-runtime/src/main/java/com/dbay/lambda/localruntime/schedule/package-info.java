/**
 * Scheduled handlers: EventBridge-style rate() schedules fired in-process with Scheduled Event
 * payloads.
 */
package com.dbay.lambda.localruntime.schedule;
