package com.dbay.platform.starter.servicecall;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An internal handler whose caller is the gateway (or the Lambda authorizer) acting for the user it
 * has just authenticated, proven by the gateway proof rather than a part's key (user-service's
 * Cognito resolve). The handler must itself require the proven identity; this only exempts it from
 * the rule that an {@code /internal/} handler without {@link InternalApi} is closed.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface GatewayProofOnly {}
