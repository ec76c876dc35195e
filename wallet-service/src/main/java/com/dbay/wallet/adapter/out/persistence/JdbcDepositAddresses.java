package com.dbay.wallet.adapter.out.persistence;

import com.dbay.wallet.application.port.out.DepositAddresses;
import com.dbay.wallet.domain.DepositAddress;
import com.dbay.wallet.domain.UserId;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

public class JdbcDepositAddresses implements DepositAddresses {

  private final JdbcTemplate jdbc;

  public JdbcDepositAddresses(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<DepositAddress> find(UserId user) {
    return jdbc
        .query(
            "select owner, derivation_index, address, network from deposit_addresses where owner = ?",
            (rs, n) ->
                new DepositAddress(
                    new UserId(rs.getString(1)), rs.getLong(2), rs.getString(3), rs.getString(4)),
            user.value())
        .stream()
        .findFirst();
  }

  @Override
  public Optional<DepositAddress> findByAddress(String address) {
    return jdbc
        .query(
            "select owner, derivation_index, address, network from deposit_addresses where address = ?",
            (rs, n) ->
                new DepositAddress(
                    new UserId(rs.getString(1)), rs.getLong(2), rs.getString(3), rs.getString(4)),
            address)
        .stream()
        .findFirst();
  }

  @Override
  public long nextIndex() {
    Long next = jdbc.queryForObject("select nextval('deposit_address_index_seq')", Long.class);
    return next == null ? 0 : next;
  }

  @Override
  public boolean insert(DepositAddress a) {
    return jdbc.update(
            "insert into deposit_addresses (owner, derivation_index, address, network) values (?, ?, ?, ?) on conflict (owner) do nothing",
            a.user().value(),
            a.index(),
            a.address(),
            a.network())
        == 1;
  }
}
