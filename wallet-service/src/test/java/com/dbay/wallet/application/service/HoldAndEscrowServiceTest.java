package com.dbay.wallet.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.domain.AccountId;
import com.dbay.wallet.domain.AccountKind;
import com.dbay.wallet.domain.Balances;
import com.dbay.wallet.domain.ConfirmationPolicy;
import com.dbay.wallet.domain.DepositId;
import com.dbay.wallet.domain.FeePolicy;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HoldAndEscrowServiceTest {

  private final InMemoryWallet wallet = new InMemoryWallet();
  private final HoldService holds = new HoldService(wallet, wallet, wallet, wallet);
  private final EscrowService escrows =
      new EscrowService(wallet, wallet, wallet, wallet, wallet, new FeePolicy(250));
  private final UserId bob = new UserId("bob");
  private final UserId alice = new UserId("alice");

  @BeforeEach
  void bobHasAThousandDoge() {
    DepositService deposits =
        new DepositService(
            wallet,
            wallet,
            new DepositServiceTest.SequentialDeriver(),
            wallet,
            wallet,
            ConfirmationPolicy.standard());
    String address = deposits.depositAddress(bob).address();
    deposits.recordDetected(new DepositId("cd".repeat(32), 0), address, Doge.ofDoge(1_000), "h", 1);
    deposits.observe(new DepositId("cd".repeat(32), 0), 20);
  }

  @Test
  void holdsFromManyAuctionsCannotTogetherExceedTheAvailableBalance() {
    holds.setHold("auction", "k1", bob, "a1", Doge.ofDoge(600));
    assertThatThrownBy(() -> holds.setHold("auction", "k2", bob, "a2", Doge.ofDoge(401)))
        .isInstanceOfSatisfying(
            WalletException.InsufficientFunds.class,
            e -> {
              assertThat(e.code()).isEqualTo("insufficient-funds");
              assertThat(e.account())
                  .as("the buyer's available balance is what is short")
                  .isEqualTo(AccountId.user(bob, AccountKind.AVAILABLE));
            });
    holds.setHold("auction", "k3", bob, "a2", Doge.ofDoge(400));
    assertThat(wallet.balances(bob))
        .isEqualTo(new Balances(Doge.ZERO, Doge.ofDoge(1_000), Doge.ZERO));
  }

  @Test
  void aRefusedHoldLeavesNothingBehind() {
    holds.setHold("auction", "k1", bob, "a1", Doge.ofDoge(600));
    int postings = wallet.postings().size();
    assertThatThrownBy(() -> holds.setHold("auction", "k2", bob, "a1", Doge.ofDoge(1_001)))
        .isInstanceOfSatisfying(
            WalletException.InsufficientFunds.class,
            e -> assertThat(e.account()).isEqualTo(AccountId.user(bob, AccountKind.AVAILABLE)));
    assertThat(wallet.postings()).hasSize(postings);
    assertThat(holds.get(bob, "a1").amount()).isEqualTo(Doge.ofDoge(600).koinu());
  }

  @Test
  void aRepeatedKeyReturnsTheFirstResultWithoutMovingMoneyTwice() {
    HoldService.HoldView first = holds.setHold("auction", "k1", bob, "a1", Doge.ofDoge(100));
    holds.setHold("auction", "k2", bob, "a1", Doge.ofDoge(50));
    HoldService.HoldView repeat = holds.setHold("auction", "k1", bob, "a1", Doge.ofDoge(100));
    assertThat(repeat).isEqualTo(first);
    assertThat(wallet.balances(bob).held()).isEqualTo(Doge.ofDoge(50));
  }

  @Test
  void aKeyReusedWithOtherParametersIsRefused() {
    holds.setHold("auction", "k1", bob, "a1", Doge.ofDoge(100));
    assertThatThrownBy(() -> holds.setHold("auction", "k1", bob, "a1", Doge.ofDoge(101)))
        .isInstanceOfSatisfying(
            WalletException.IdempotencyKeyReused.class,
            e -> assertThat(e.code()).isEqualTo("idempotency-key-reused"));
    assertThat(wallet.balances(bob).held())
        .as("the refused repeat changed nothing")
        .isEqualTo(Doge.ofDoge(100));
  }

  @Test
  void theSameKeyFromAnotherCallerIsAnotherOperation() {
    holds.setHold("auction", "k1", bob, "a1", Doge.ofDoge(100));
    holds.setHold("order", "k1", bob, "a2", Doge.ofDoge(100));
    assertThat(wallet.balances(bob).held()).isEqualTo(Doge.ofDoge(200));
  }

  @Test
  void aWonAuctionTurnsTheHoldIntoEscrowAndTheSellerIsPaidMinusTheFee() {
    holds.setHold("auction", "k1", bob, "a1", Doge.ofDoge(150));
    escrows.fund("auction", "e1", "order-1", bob, alice, Doge.ofDoge(120), "a1");
    assertThat(wallet.balances(bob))
        .isEqualTo(new Balances(Doge.ofDoge(880), Doge.ZERO, Doge.ofDoge(120)));

    escrows.release("order", "r1", "order-1");
    assertThat(wallet.balances(bob).escrow()).isEqualTo(Doge.ZERO);
    assertThat(wallet.balances(alice).available()).isEqualTo(Doge.ofDoge(117));
    assertThat(wallet.balance(AccountId.platform(AccountKind.FEES))).isEqualTo(Doge.ofDoge(3));
    assertThat(wallet.audit().problems()).isEmpty();
    assertThat(wallet.audit().ok()).isTrue();
  }

  @Test
  void anEscrowIsSettledOnceEvenWhenAskedTwiceWithDifferentKeys() {
    escrows.fund("order", "e1", "order-1", bob, alice, Doge.ofDoge(100), null);
    escrows.refund("order", "r1", "order-1");
    assertThatThrownBy(() -> escrows.release("order", "r2", "order-1"))
        .isInstanceOfSatisfying(
            WalletException.InvalidState.class,
            e -> assertThat(e.code()).isEqualTo("escrow-settled"));
    assertThat(wallet.balances(alice).available())
        .as("nothing was paid to the seller")
        .isEqualTo(Doge.ZERO);
    assertThat(escrows.refund("order", "r1", "order-1").status()).isEqualTo("REFUNDED");
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ofDoge(1_000));
  }

  @Test
  void aSplitPaysBothSidesAndLosesNoKoinu() {
    escrows.fund("order", "e1", "order-1", bob, alice, Doge.ofKoinu(333_333_333), null);
    EscrowService.EscrowView split = escrows.split("admin", "s1", "order-1", 3333);
    assertThat(split.buyerRefund() + split.sellerPayout() + split.fee()).isEqualTo(333_333_333);
    // Worked out by hand: 33.33% of 333,333,333 = 111,099,999.89 → up to 111,100,000 for the buyer;
    // the seller's
    // 222,233,333 pays 2.5% = 5,555,833.33 → up to 5,555,834; the seller gets 216,677,499.
    assertThat(split.buyerRefund()).isEqualTo(111_100_000L);
    assertThat(split.fee()).isEqualTo(5_555_834L);
    assertThat(split.sellerPayout()).isEqualTo(216_677_499L);
    assertThat(wallet.balances(alice).available()).isEqualTo(Doge.ofKoinu(216_677_499L));
    assertThat(wallet.audit().problems()).isEmpty();
    assertThat(wallet.audit().ok()).isTrue();
  }

  @Test
  void escrowWithoutAHoldIsPaidFromAvailableAndRefusedWhenItIsShort() {
    assertThatThrownBy(
            () -> escrows.fund("order", "e1", "order-1", bob, alice, Doge.ofDoge(1_001), null))
        .isInstanceOfSatisfying(
            WalletException.InsufficientFunds.class,
            e -> assertThat(e.account()).isEqualTo(AccountId.user(bob, AccountKind.AVAILABLE)));
    assertThatThrownBy(() -> escrows.get("order-1"))
        .isInstanceOfSatisfying(
            WalletException.NotFound.class, e -> assertThat(e.code()).isEqualTo("not-found"));
    assertThat(wallet.balances(bob).available()).isEqualTo(Doge.ofDoge(1_000));
  }
}
