package com.dbay.platform.starter.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the caller's {@link com.dbay.platform.identity.Identity} into a controller method. By
 * default the endpoint needs a user: without a proven identity carrying an app user id the request
 * ends in 401 problem+json. With {@code required = false} the argument is {@code null} for
 * anonymous callers, and may carry only Cognito fields (an empty user id) when nobody resolved the
 * sub yet.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CurrentUser {
  boolean required() default true;
}
