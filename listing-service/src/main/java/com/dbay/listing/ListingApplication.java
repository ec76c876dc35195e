package com.dbay.listing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ListingApplication {

  public static void main(String[] args) {
    SpringApplication.run(ListingApplication.class, args);
  }
}
