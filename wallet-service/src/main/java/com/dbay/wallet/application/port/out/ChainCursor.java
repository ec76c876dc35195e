package com.dbay.wallet.application.port.out;

/** The next block height the deposit watcher scans, kept across restarts. */
public interface ChainCursor {

  long nextHeight(long initial);

  void save(long nextHeight);
}
