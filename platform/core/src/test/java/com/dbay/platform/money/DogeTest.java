package com.dbay.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DogeTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "0.0, 0",
    "1, 100000000",
    "12.5, 1250000000",
    "12.50000000, 1250000000",
    "0.00000001, 1",
    "007.10, 710000000",
    "92233720368.54775807, 9223372036854775807"
  })
  void parsesDecimalTextIntoExactKoinu(String text, long koinu) {
    assertThat(Doge.parse(text).koinu()).isEqualTo(koinu);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0.00000000",
    "1, 0.00000001",
    "1250000000, 12.50000000",
    "-150000000, -1.50000000",
    "9223372036854775807, 92233720368.54775807",
    "-9223372036854775808, -92233720368.54775808"
  })
  void printsExactlyEightPlaces(long koinu, String text) {
    assertThat(Doge.ofKoinu(koinu)).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.000000001", "1.123456789", "0.000000010"})
  void refusesMoreThanEightDecimalPlaces(String text) {
    assertThatThrownBy(() -> Doge.parse(text))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("8 decimal places");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e3",
        "1E-2",
        "NaN",
        "Infinity",
        "-Infinity",
        "+1",
        " 1",
        "1 ",
        "1,000",
        "1.",
        ".5",
        "--1",
        "0x10",
        "１",
        "1_000",
        "-"
      })
  void refusesAnythingButAPlainDecimal(String text) {
    assertThatThrownBy(() -> Doge.parse(text)).isInstanceOf(InvalidAmountException.class);
  }

  @Test
  void refusesEmptyAndMissingText() {
    assertThatThrownBy(() -> Doge.parse(""))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> Doge.parse(null)).isInstanceOf(InvalidAmountException.class);
  }

  @Test
  void refusesNegativeAmountsUnlessAskedForSigned() {
    assertThatThrownBy(() -> Doge.parse("-1"))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("negative");
    assertThat(Doge.parseSigned("-1.5").koinu()).isEqualTo(-150_000_000L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "92233720368.54775808",
        "92233720369",
        "99999999999999999999",
        "1000000000000000000000000000000000"
      })
  void refusesAmountsBeyondSixtyFourBits(String text) {
    assertThatThrownBy(() -> Doge.parse(text))
        .isInstanceOf(InvalidAmountException.class)
        .hasMessageContaining("too large");
  }

  @Test
  void roundTripsThroughText() {
    for (long koinu :
        new long[] {0, 1, 99_999_999, 100_000_000, 123_456_789_012L, Long.MAX_VALUE}) {
      assertThat(Doge.parse(Doge.ofKoinu(koinu).toString()).koinu()).isEqualTo(koinu);
    }
  }

  @Test
  void arithmeticIsExactAndRefusesOverflow() {
    Doge a = Doge.parse("0.1");
    Doge b = Doge.parse("0.2");
    assertThat(a.plus(b)).isEqualTo(Doge.parse("0.3"));
    assertThat(b.minus(a).minus(a)).isEqualTo(Doge.ZERO);
    assertThat(Doge.ofDoge(3).times(4)).isEqualTo(Doge.ofDoge(12));
    assertThatThrownBy(() -> Doge.ofKoinu(Long.MAX_VALUE).plus(Doge.ofKoinu(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void comparesByValue() {
    assertThat(Doge.parse("2")).isGreaterThan(Doge.parse("1.99999999"));
    assertThat(Doge.parse("1.5").isGreaterThan(Doge.parse("1.4"))).isTrue();
    assertThat(Doge.max(Doge.ofDoge(1), Doge.ofDoge(2))).isEqualTo(Doge.ofDoge(2));
    assertThat(Doge.parse("1.50")).isEqualTo(Doge.parse("1.5"));
  }

  @Test
  void convertsToAndFromBigDecimalOnlyWhenExact() {
    assertThat(Doge.of(new BigDecimal("12.5")).koinu()).isEqualTo(1_250_000_000L);
    assertThat(Doge.parse("12.5").toBigDecimal()).isEqualByComparingTo("12.5");
    assertThatThrownBy(() -> Doge.of(new BigDecimal("0.000000001")))
        .isInstanceOf(InvalidAmountException.class);
  }
}
