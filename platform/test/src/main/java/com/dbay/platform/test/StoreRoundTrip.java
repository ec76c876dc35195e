package com.dbay.platform.test;

import org.springframework.context.ApplicationContext;

/**
 * What the round trips of the stores only some services have need from the {@link
 * ServiceApplicationContract}.
 */
public interface StoreRoundTrip {

  ApplicationContext context();

  /** The service's short name, as in {@code dbay_<service>}. */
  String service();
}
