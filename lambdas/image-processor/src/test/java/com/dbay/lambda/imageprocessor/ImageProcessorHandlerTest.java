package com.dbay.lambda.imageprocessor;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageProcessorHandlerTest {

  private final S3Event event = EventLoader.loadS3Event("events/s3-object-created.json");

  @Test
  void
      asks_for_the_variants_of_each_original_with_its_url_decoded_key_and_skips_its_own_variants() {
    List<String> asked = new ArrayList<>();
    var handler = new ImageProcessorHandler((bucket, key) -> asked.add(bucket + "/" + key));

    List<String> processed = handler.handleRequest(event, null);

    assertThat(asked).containsExactly("dbay-images/listings/42/red bike.jpg");
    assertThat(processed).containsExactly("listings/42/red bike.jpg");
  }
}
