package com.dbay.lambda.localruntime.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.dbay.lambda.auctioncloser.AuctionSettlementHandler;
import com.dbay.lambda.imageprocessor.ImageProcessorHandler;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalFunctionTest {

  @Test
  void the_input_type_is_read_from_the_handler_and_the_substitution_key_from_the_name() {
    LocalFunction images = LocalFunction.of("image-processor", new ImageProcessorHandler());
    LocalFunction settlement =
        LocalFunction.of("auction-settlement", new AuctionSettlementHandler());

    assertThat(images.inputType()).isEqualTo(S3Event.class);
    assertThat(settlement.inputType()).isEqualTo(Map.class);
    assertThat(settlement.substitutionKey()).isEqualTo("AuctionSettlementFunctionArn");
  }
}
