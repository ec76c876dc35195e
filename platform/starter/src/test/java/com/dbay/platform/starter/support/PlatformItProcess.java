package com.dbay.platform.starter.support;

import org.springframework.boot.SpringApplication;

/** {@link PlatformItApp} as a process of its own, for tests that kill it. */
public final class PlatformItProcess {

  private PlatformItProcess() {}

  public static void main(String[] args) {
    SpringApplication.run(PlatformItApp.class, args);
  }
}
