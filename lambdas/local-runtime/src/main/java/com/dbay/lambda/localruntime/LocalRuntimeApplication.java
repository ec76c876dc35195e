package com.dbay.lambda.localruntime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalRuntimeApplication {

  public static void main(String[] args) {
    SpringApplication.run(LocalRuntimeApplication.class, args);
  }
}
