package com.dbay.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class DogeJsonTest {

  record Bid(Doge maxBid) {}

  private final JsonMapper mapper = JsonMapper.builder().build();

  @Test
  void writesAmountsAsStringsWithEightPlaces() {
    assertThat(mapper.writeValueAsString(new Bid(Doge.parse("12.5"))))
        .isEqualTo("{\"maxBid\":\"12.50000000\"}");
  }

  @Test
  void readsAmountsFromStrings() {
    assertThat(mapper.readValue("{\"maxBid\":\"0.00000001\"}", Bid.class).maxBid().koinu())
        .isEqualTo(1);
  }

  @Test
  void leavesAMissingAmountNullForValidationToReport() {
    assertThat(mapper.readValue("{}", Bid.class).maxBid()).isNull();
    assertThat(mapper.readValue("{\"maxBid\":null}", Bid.class).maxBid()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"12.5", "12", "1e2", "true", "{}", "[]"})
  void refusesJsonNumbersAndOtherNonStrings(String json) {
    assertThatThrownBy(() -> mapper.readValue("{\"maxBid\":" + json + "}", Bid.class))
        .isInstanceOf(DatabindException.class)
        .hasMessageContaining("JSON string");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\"\"", "\"-1\"", "\"1.000000001\"", "\"NaN\"", "\"1e3\"", "\"99999999999999\""})
  void refusesBadAmountTextNamingTheField(String json) {
    assertThatThrownBy(() -> mapper.readValue("{\"maxBid\":" + json + "}", Bid.class))
        .isInstanceOf(DatabindException.class)
        .satisfies(
            e ->
                assertThat(((DatabindException) e).getPath())
                    .extracting(r -> r.getPropertyName())
                    .containsExactly("maxBid"));
  }
}
