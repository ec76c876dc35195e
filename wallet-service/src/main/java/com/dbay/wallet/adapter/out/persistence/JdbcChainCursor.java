package com.dbay.wallet.adapter.out.persistence;

import com.dbay.wallet.application.port.out.ChainCursor;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

public class JdbcChainCursor implements ChainCursor {

  private static final String NAME = "deposit-watcher";
  private final JdbcTemplate jdbc;

  public JdbcChainCursor(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long nextHeight(long initial) {
    List<Long> saved =
        jdbc.queryForList("select next_height from chain_cursor where name = ?", Long.class, NAME);
    return saved.isEmpty() ? initial : saved.get(0);
  }

  @Override
  public void save(long nextHeight) {
    jdbc.update(
        "insert into chain_cursor (name, next_height) values (?, ?) "
            + "on conflict (name) do update set next_height = excluded.next_height, updated_at = now()",
        NAME,
        nextHeight);
  }
}
