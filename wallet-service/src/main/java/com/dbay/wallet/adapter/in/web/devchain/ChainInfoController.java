package com.dbay.wallet.adapter.in.web.devchain;

import com.dbay.wallet.config.DevFaucetProperties;
import com.dbay.wallet.config.WalletProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which chain the wallet runs on, and whether the dev faucet exists here (the web app shows its button only then). */
@RestController
public class ChainInfoController {

  private final WalletProperties wallet;
  private final DevFaucetProperties faucet;

  public ChainInfoController(WalletProperties wallet, DevFaucetProperties faucet) {
    this.wallet = wallet;
    this.faucet = faucet;
  }

  @GetMapping("/api/v1/wallet/chain")
  public ChainInfo chain() {
    return new ChainInfo(wallet.chain().network(), faucet.enabled(), faucet.enabled() ? faucet.maxAmount() : null);
  }

  public record ChainInfo(String network, boolean devFaucet, String devFaucetMaxAmount) {}
}
