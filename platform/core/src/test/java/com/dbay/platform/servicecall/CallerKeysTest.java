package com.dbay.platform.servicecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerKeysTest {

  private static String key(int fill) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) fill);
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  void eachCallerKeyVariableNamesItsCallerAndThePartsOwnKeyIsLeftOut() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DBAY_CALLER_KEY_AUCTION_SERVICE", key(1));
    env.put("DBAY_CALLER_KEY_DEPOSIT_WATCHER", key(2));
    env.put("DBAY_CALLER_KEY_WALLET_SERVICE", key(3));
    env.put("DBAY_GATEWAY_SECRET", "not a caller key");

    CallerKeys keys = CallerKeys.fromKeyVariables(env, "wallet-service");

    assertThat(keys.callers()).containsExactlyInAnyOrder("auction-service", "deposit-watcher");
    assertThat(keys.key("deposit-watcher"))
        .hasValueSatisfying(k -> assertThat(k[0]).isEqualTo((byte) 2));
    assertThat(keys.key("wallet-service")).isEmpty();
    assertThat(CallerKeys.variable("auction-settlement"))
        .isEqualTo("DBAY_CALLER_KEY_AUCTION_SETTLEMENT");
  }

  @Test
  void aKeysFileWinsOverTheVariablesAndNoSourceMeansNoKeys() {
    assertThat(
            CallerKeys.fromFileOrKeyVariables(Map.of(), "DBAY_SERVICE_KEYS_FILE", null).callers())
        .isEmpty();
    assertThatThrownBy(
            () -> CallerKeys.fromKeyVariables(Map.of("DBAY_CALLER_KEY_OPERATOR", "c2hvcnQ="), null))
        .hasMessageContaining("at least 32");
  }
}
