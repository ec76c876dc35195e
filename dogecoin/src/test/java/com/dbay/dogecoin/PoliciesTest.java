package com.dbay.dogecoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import org.junit.jupiter.api.Test;

class PoliciesTest {

  @Test
  void theDefaultFeeIsOneHundredthDogePerKilobyteOfTheExactSize() {
    // doc/fee-recommendation.md: "a 192 byte transaction only has to pay 0.01 / 1000 * 192 =
    // 0.00192"
    assertThat(FeePolicy.DEFAULT.feeFor(192)).isEqualTo(Doge.parse("0.00192").koinu());
    assertThat(FeePolicy.DEFAULT.feeFor(1000)).isEqualTo(Doge.parse("0.01").koinu());
    assertThat(FeePolicy.DEFAULT.feeFor(1001)).isEqualTo(Doge.parse("0.01001").koinu());
  }

  @Test
  void perStartedKilobyteChargesEveryStartedKilobyteInFull() {
    FeePolicy p = FeePolicy.PER_STARTED_KILOBYTE;
    assertThat(p.feeFor(1)).isEqualTo(Doge.parse("0.01").koinu());
    assertThat(p.feeFor(1000)).isEqualTo(Doge.parse("0.01").koinu());
    assertThat(p.feeFor(1001)).isEqualTo(Doge.parse("0.02").koinu());
    assertThat(p.feeFor(226)).isGreaterThanOrEqualTo(FeePolicy.DEFAULT.feeFor(226));
  }

  @Test
  void outputsBelowOneHundredthDogeAreDust() {
    assertThat(FeePolicy.DEFAULT.isDust(Doge.parse("0.00999999").koinu())).isTrue();
    assertThat(FeePolicy.DEFAULT.isDust(Doge.parse("0.01").koinu())).isFalse();
  }

  @Test
  void depositsNeedMoreConfirmationsTheLargerTheyAre() {
    ConfirmationPolicy c = ConfirmationPolicy.DEFAULT;
    assertThat(c.requiredConfirmations(Doge.parse("999.99999999").koinu())).isEqualTo(6);
    assertThat(c.requiredConfirmations(Doge.ofDoge(1_000).koinu())).isEqualTo(20);
    assertThat(c.requiredConfirmations(Doge.parse("99999.99999999").koinu())).isEqualTo(20);
    assertThat(c.requiredConfirmations(Doge.ofDoge(100_000).koinu())).isEqualTo(40);
    ConfirmationPolicy fast =
        new ConfirmationPolicy(
            java.util.List.of(new ConfirmationPolicy.Tier(Doge.ofDoge(10).koinu(), 1)), 2);
    assertThat(fast.requiredConfirmations(Doge.ofDoge(5).koinu())).isEqualTo(1);
    assertThat(fast.requiredConfirmations(Doge.ofDoge(50).koinu())).isEqualTo(2);
  }

  @Test
  void amountsAreExactDecimalStringsOfKoinu() {
    assertThat(Doge.parse("12.5").koinu()).isEqualTo(1_250_000_000L);
    assertThat(Doge.ofKoinu(1_250_000_000L).toString()).isEqualTo("12.50000000");
    assertThat(Doge.ofKoinu(1L).toString()).isEqualTo("0.00000001");
    assertThatThrownBy(() -> Doge.parse("0.000000001").koinu())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Doge.parse("abc").koinu())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
