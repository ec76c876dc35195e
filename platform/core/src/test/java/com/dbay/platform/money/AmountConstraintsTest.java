package com.dbay.platform.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountConstraintsTest {

  @Test
  void minAmountAcceptsTheBoundAndNullAndRefusesBelow() {
    MinAmount.Validator v = new MinAmount.Validator();
    v.initialize(Annotated.class.getRecordComponents()[0].getAnnotation(MinAmount.class));
    assertThat(v.isValid(Doge.parse("0.01"), null)).isTrue();
    assertThat(v.isValid(null, null)).isTrue();
    assertThat(v.isValid(Doge.parse("0.00999999"), null)).isFalse();
  }

  @Test
  void maxAmountAcceptsTheBoundAndRefusesAbove() {
    MaxAmount.Validator v = new MaxAmount.Validator();
    v.initialize(Annotated.class.getRecordComponents()[1].getAnnotation(MaxAmount.class));
    assertThat(v.isValid(Doge.ofDoge(1000), null)).isTrue();
    assertThat(v.isValid(Doge.parse("1000.00000001"), null)).isFalse();
  }

  record Annotated(@MinAmount("0.01") Doge min, @MaxAmount("1000") Doge max) {}
}
