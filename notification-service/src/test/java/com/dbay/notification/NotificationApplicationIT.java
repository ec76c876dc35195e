package com.dbay.notification;

import com.dbay.platform.test.ServiceApplicationContract;
import com.dbay.platform.test.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notification service boots against the real stores of the environment contract, reports
 * itself ready with each of them, and can write to and read back from each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationApplicationIT extends ServiceApplicationContract {

  NotificationApplicationIT() {
    super("notification");
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestStores.ensureDatabase("notification");
    // The same SQS-API server as the queue ITs; the contract itself does not consume.
    registry.add("dbay.notification.sqs.endpoint", () -> TestSqs.get().endpoint());
    registry.add("dbay.notification.sqs.enabled", () -> "false");
    registry.add("dbay.notification.email.endpoint", () -> "http://127.0.0.1:1");
    registry.add("dbay.notification.email.enabled", () -> "false");
  }
}
