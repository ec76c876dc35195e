package com.dbay.lambda.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import com.dbay.lambda.localruntime.s3.ObjectLister;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@LocalRuntimeTest
class ObjectCreatedNotificationIT {

  @Test
  void
      a_new_object_in_the_store_is_announced_once_as_an_s3_object_created_event_with_its_key_decoded()
          throws Exception {
    String key = "listings/" + UUID.randomUUID() + "/red bike.jpg";
    TestFunctions.storedObjects.add(
        new ObjectLister.StoredObject(key, "etag-1", 1024, Instant.now()));

    Instant deadline = Instant.now().plusSeconds(10);
    while (!TestFunctions.announcedKeys.contains("test-images/" + key)
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    Thread.sleep(500);

    assertThat(TestFunctions.announcedKeys).containsOnlyOnce("test-images/" + key);
  }
}
