package com.dbay.wallet.adapter.in.web.devchain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which chain the wallet runs on, and whether the dev faucet exists here (the web app shows its
 * button only then).
 */
@RestController
public class ChainInfoController {

  // The chain's settings by property, not WalletProperties: config wires the adapters, never the
  // reverse.
  private final String network;
  private final DevFaucetProperties faucet;

  public ChainInfoController(
      @Value("${dbay.wallet.chain.network:regtest}") String network, DevFaucetProperties faucet) {
    this.network = network;
    this.faucet = faucet;
  }

  @GetMapping("/api/v1/wallet/chain")
  public ChainInfo chain() {
    return new ChainInfo(network, faucet.enabled(), faucet.enabled() ? faucet.maxAmount() : null);
  }

  public record ChainInfo(String network, boolean devFaucet, String devFaucetMaxAmount) {}
}
