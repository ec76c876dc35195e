package com.dbay.platform.starter.web;

import java.io.IOException;

/** Thrown while reading a request body that grows past {@code dbay.web.max-body-size}. */
public class PayloadTooLargeException extends IOException {

  private final long limit;

  public PayloadTooLargeException(long limit) {
    super("request body is larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
