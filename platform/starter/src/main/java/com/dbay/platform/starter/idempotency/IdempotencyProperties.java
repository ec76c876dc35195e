package com.dbay.platform.starter.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a key is remembered (after that it may be reused)
 * @param waitForInProgress how long a repeat waits for the first request with its key to finish
 *     before it gets 409
 */
@ConfigurationProperties("dbay.idempotency")
public record IdempotencyProperties(
    @DefaultValue("24h") Duration retention, @DefaultValue("5s") Duration waitForInProgress) {}
