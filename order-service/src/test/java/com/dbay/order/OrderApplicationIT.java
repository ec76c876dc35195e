package com.dbay.order;

import com.dbay.platform.test.MongoRoundTrip;
import com.dbay.platform.test.ServiceApplicationContract;
import com.dbay.platform.test.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The order service boots against the real stores of the environment contract, reports itself ready
 * with each of them, and can write to and read back from each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderApplicationIT extends ServiceApplicationContract implements MongoRoundTrip {

  OrderApplicationIT() {
    super("order", "mongo");
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("order");
  }
}
