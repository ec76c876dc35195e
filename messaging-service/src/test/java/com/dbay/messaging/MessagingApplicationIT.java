package com.dbay.messaging;

import com.dbay.platform.test.MongoRoundTrip;
import com.dbay.platform.test.ServiceApplicationContract;
import com.dbay.platform.test.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The messaging service boots against the real stores of the environment contract, reports itself
 * ready with each of them, and can write to and read back from each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessagingApplicationIT extends ServiceApplicationContract implements MongoRoundTrip {

  MessagingApplicationIT() {
    super("messaging", "mongo");
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("messaging");
  }
}
