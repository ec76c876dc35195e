package com.dbay.listing;

import com.dbay.platform.test.MemcachedRoundTrip;
import com.dbay.platform.test.MongoRoundTrip;
import com.dbay.platform.test.ServiceApplicationContract;
import com.dbay.platform.test.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The listing service boots against the real stores of the environment contract, reports itself
 * ready with each of them, and can write to and read back from each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListingApplicationIT extends ServiceApplicationContract
    implements MongoRoundTrip, MemcachedRoundTrip {

  ListingApplicationIT() {
    super("listing", "mongo", "memcached");
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("listing");
  }
}
