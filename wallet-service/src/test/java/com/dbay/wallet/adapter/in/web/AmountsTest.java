package com.dbay.wallet.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.domain.WalletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

  @Test
  void parsesDecimalDogeIntoKoinuWithoutRounding() {
    assertThat(Amounts.parse("amount", "12.5").koinu()).isEqualTo(1_250_000_000L);
    assertThat(Amounts.parse("amount", "0.00000001").koinu()).isEqualTo(1L);
    assertThat(Amounts.parse("amount", "1.10000000").koinu()).isEqualTo(110_000_000L);
  }

  @Test
  void printsEightDecimalPlaces() {
    assertThat(Doge.ofKoinu(1_250_000_000L).toString()).isEqualTo("12.50000000");
    assertThat(Doge.ofKoinu(-1).toString()).isEqualTo("-0.00000001");
  }

  @Test
  void refusesNineDecimalPlaces() {
    assertThatThrownBy(() -> Amounts.parse("amount", "1.123456789"))
        .isInstanceOf(WalletException.InvalidRequest.class)
        .hasMessageContaining("8 decimal places");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "1e3", "+1", " 1", "1,5", "abc", "1.", ".5", "NaN", "0x10", "1234567890123"})
  void refusesAnythingThatIsNotAPlainDecimal(String text) {
    assertThatThrownBy(() -> Amounts.parse("amount", text))
        .isInstanceOf(WalletException.InvalidRequest.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.00000000", "-1"})
  void positiveAmountsMustBeAboveZero(String text) {
    assertThatThrownBy(() -> Amounts.parsePositive("amount", text))
        .isInstanceOf(WalletException.InvalidRequest.class)
        .hasMessageContaining("greater than zero");
  }
}
