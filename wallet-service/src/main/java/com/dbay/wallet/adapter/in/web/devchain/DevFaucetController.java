package com.dbay.wallet.adapter.in.web.devchain;

import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.rpc.DogecoinRpcClient;
import com.dbay.dogecoin.rpc.RpcConfig;
import com.dbay.dogecoin.rpc.RpcException;
import com.dbay.platform.money.Doge;
import com.dbay.platform.money.InvalidAmountException;
import com.dbay.wallet.adapter.in.web.CallerIdentity;
import com.dbay.wallet.application.service.DepositService;
import com.dbay.wallet.domain.DepositAddress;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/wallet/dev/faucet}: asks the local dev chain to pay test DOGE to the caller's
 * own deposit address (never an address from the request), so the deposit then arrives as any real
 * one does: seen, confirmed block by block, credited once. Exists only with {@code
 * dbay.wallet.dev-faucet.enabled=true}, which only {@code ./dbay up} sets; a few presses per user
 * per window, so a stuck button or a script cannot drain the dev chain's miner.
 */
@RestController
@ConditionalOnProperty(prefix = "dbay.wallet.dev-faucet", name = "enabled", havingValue = "true")
public class DevFaucetController {

  private final CallerIdentity identity;
  private final DepositService deposits;
  private final DogecoinRpcClient node;
  private final DevFaucetProperties properties;
  private final Doge maxAmount;
  private final Clock clock;
  private final Map<String, Deque<Instant>> presses = new ConcurrentHashMap<>();

  // The node's settings by property, not WalletProperties: config wires the adapters, never the
  // reverse.
  public DevFaucetController(
      CallerIdentity identity,
      DepositService deposits,
      DevFaucetProperties properties,
      @Value("${dbay.wallet.chain.rpc-url:}") String rpcUrl,
      @Value("${dbay.wallet.chain.rpc-user:dbay}") String rpcUser,
      @Value("${dbay.wallet.chain.rpc-password:dbay}") String rpcPassword,
      @Value("${dbay.wallet.chain.network:regtest}") String network) {
    this.identity = identity;
    this.deposits = deposits;
    this.properties = properties;
    this.maxAmount = Doge.parse(properties.maxAmount());
    this.clock = Clock.systemUTC();
    if (rpcUrl.isBlank() || "mainnet".equals(network)) {
      throw new IllegalStateException(
          "the dev faucet needs the local dev chain (a non-mainnet dbay.wallet.chain.rpc-url)");
    }
    this.node =
        new DogecoinRpcClient(
            RpcConfig.of(rpcUrl, rpcUser, rpcPassword, DogecoinNetwork.of(network)));
  }

  @PostMapping({"/api/v1/wallet/dev/faucet", "/api/v1/wallet/dev/faucet/"})
  public ResponseEntity<?> faucet(
      HttpServletRequest request, @RequestBody(required = false) FaucetRequest body) {
    UserId user = new UserId(identity.require(request).userId());
    String text =
        body == null || body.amount() == null || body.amount().isBlank()
            ? properties.defaultAmount()
            : body.amount();
    Doge amount = amount(text);
    if (amount.isGreaterThan(maxAmount)) {
      throw new WalletException.InvalidRequest(
          "invalid-amount",
          "amount",
          "the dev faucet pays at most " + maxAmount + " DOGE at a time");
    }
    if (!allow(user.value())) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.TOO_MANY_REQUESTS,
              "The faucet pays "
                  + properties.perWindow()
                  + " times per "
                  + properties.window().toMinutes()
                  + " minutes; try again later.");
      problem.setType(URI.create("https://dbay.dev/problems/faucet-rate-limited"));
      problem.setTitle("Too many faucet requests");
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header("Retry-After", Long.toString(properties.window().toSeconds()))
          .body(problem);
    }
    DepositAddress address = deposits.depositAddress(user);
    String txid;
    try {
      txid = node.faucet(address.address(), amount.koinu());
    } catch (RpcException e) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE, "The dev chain did not pay: " + e.getMessage());
      problem.setType(URI.create("https://dbay.dev/problems/dev-chain-unavailable"));
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new FaucetResponse(txid, address.address(), amount.toString()));
  }

  private static Doge amount(String text) {
    Doge amount;
    try {
      amount = Doge.parse(text);
    } catch (InvalidAmountException e) {
      throw new WalletException.InvalidRequest("invalid-amount", "amount", e.getMessage());
    }
    if (!amount.isPositive()) {
      throw new WalletException.InvalidRequest(
          "invalid-amount", "amount", "amount must be greater than zero");
    }
    return amount;
  }

  private boolean allow(String user) {
    Instant now = clock.instant();
    Deque<Instant> window = presses.computeIfAbsent(user, u -> new ArrayDeque<>());
    synchronized (window) {
      while (!window.isEmpty() && window.peekFirst().isBefore(now.minus(properties.window()))) {
        window.pollFirst();
      }
      if (window.size() >= properties.perWindow()) {
        return false;
      }
      window.addLast(now);
      return true;
    }
  }

  public record FaucetRequest(String amount) {}

  /** The faucet's transaction; the deposit then shows among the caller's pending deposits. */
  public record FaucetResponse(String txid, String address, String amount) {}
}
