package com.dbay.wallet.adapter.out.persistence;

import com.dbay.wallet.application.port.out.IdempotencyStore;
import com.dbay.wallet.domain.WalletException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Claims (caller, key) with an insert first: a concurrent repeat blocks on the primary key until
 * the first transaction ends, then sees its committed result (or, if it rolled back, runs itself).
 */
public class JdbcIdempotencyStore implements IdempotencyStore {

  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  public JdbcIdempotencyStore(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public <R> Optional<R> claim(String caller, String key, String fingerprint, Class<R> resultType) {
    return claim(caller, key, fingerprint, resultType, null);
  }

  @Override
  public <R> Optional<R> claim(
      String caller, String key, String fingerprint, Class<R> resultType, R resultIfFirst) {
    int claimed =
        jdbc.update(
            "insert into operations (caller, idem_key, fingerprint, result) values (?, ?, ?, ?) on conflict do nothing",
            caller,
            key,
            fingerprint,
            resultIfFirst == null ? null : json.writeValueAsString(resultIfFirst));
    if (claimed == 1) {
      return Optional.empty();
    }
    List<String[]> stored =
        jdbc.query(
            "select fingerprint, result from operations where caller = ? and idem_key = ?",
            (rs, n) -> new String[] {rs.getString(1), rs.getString(2)},
            caller,
            key);
    if (stored.isEmpty() || !stored.get(0)[0].equals(fingerprint)) {
      throw new WalletException.IdempotencyKeyReused();
    }
    return Optional.of(json.readValue(stored.get(0)[1], resultType));
  }

  @Override
  public void remember(String caller, String key, Object result) {
    jdbc.update(
        "update operations set result = ? where caller = ? and idem_key = ?",
        json.writeValueAsString(result),
        caller,
        key);
  }
}
