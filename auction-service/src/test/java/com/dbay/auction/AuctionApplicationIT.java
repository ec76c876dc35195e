package com.dbay.auction;

import com.dbay.platform.test.ServiceApplicationContract;
import com.dbay.platform.test.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The auction service boots against the real stores of the environment contract, reports itself
 * ready with each of them, and can write to and read back from each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuctionApplicationIT extends ServiceApplicationContract {

  AuctionApplicationIT() {
    super("auction");
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("auction");
  }
}
