package com.dbay.auction;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AuctionApplication {

  public static void main(String[] args) {
    SpringApplication.run(AuctionApplication.class, args);
  }
}
