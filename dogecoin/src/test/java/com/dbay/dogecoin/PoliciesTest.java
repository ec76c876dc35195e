package com.dbay.dogecoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoliciesTest {

  @Test
  void theDefaultFeeIsOneHundredthDogePerKilobyteOfTheExactSize() {
    // doc/fee-recommendation.md: "a 192 byte transaction only has to pay 0.01 / 1000 * 192 = 0.00192"
    assertThat(FeePolicy.DEFAULT.feeFor(192)).isEqualTo(Koinu.parse("0.00192"));
    assertThat(FeePolicy.DEFAULT.feeFor(1000)).isEqualTo(Koinu.parse("0.01"));
    assertThat(FeePolicy.DEFAULT.feeFor(1001)).isEqualTo(Koinu.parse("0.01001"));
  }

  @Test
  void perStartedKilobyteChargesEveryStartedKilobyteInFull() {
    FeePolicy p = FeePolicy.PER_STARTED_KILOBYTE;
    assertThat(p.feeFor(1)).isEqualTo(Koinu.parse("0.01"));
    assertThat(p.feeFor(1000)).isEqualTo(Koinu.parse("0.01"));
    assertThat(p.feeFor(1001)).isEqualTo(Koinu.parse("0.02"));
    assertThat(p.feeFor(226)).isGreaterThanOrEqualTo(FeePolicy.DEFAULT.feeFor(226));
  }

  @Test
  void outputsBelowOneHundredthDogeAreDust() {
    assertThat(FeePolicy.DEFAULT.isDust(Koinu.parse("0.00999999"))).isTrue();
    assertThat(FeePolicy.DEFAULT.isDust(Koinu.parse("0.01"))).isFalse();
  }

  @Test
  void depositsNeedMoreConfirmationsTheLargerTheyAre() {
    ConfirmationPolicy c = ConfirmationPolicy.DEFAULT;
    assertThat(c.requiredConfirmations(Koinu.parse("999.99999999"))).isEqualTo(6);
    assertThat(c.requiredConfirmations(Koinu.ofDoge(1_000))).isEqualTo(20);
    assertThat(c.requiredConfirmations(Koinu.parse("99999.99999999"))).isEqualTo(20);
    assertThat(c.requiredConfirmations(Koinu.ofDoge(100_000))).isEqualTo(40);
    ConfirmationPolicy fast = new ConfirmationPolicy(
        java.util.List.of(new ConfirmationPolicy.Tier(Koinu.ofDoge(10), 1)), 2);
    assertThat(fast.requiredConfirmations(Koinu.ofDoge(5))).isEqualTo(1);
    assertThat(fast.requiredConfirmations(Koinu.ofDoge(50))).isEqualTo(2);
  }

  @Test
  void amountsAreExactDecimalStringsOfKoinu() {
    assertThat(Koinu.parse("12.5")).isEqualTo(1_250_000_000L);
    assertThat(Koinu.format(1_250_000_000L)).isEqualTo("12.50000000");
    assertThat(Koinu.format(1L)).isEqualTo("0.00000001");
    assertThatThrownBy(() -> Koinu.parse("0.000000001")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Koinu.parse("abc")).isInstanceOf(IllegalArgumentException.class);
  }
}
