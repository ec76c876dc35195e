package com.dbay.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EscrowTest {

  private final UserId bob = new UserId("bob");
  private final UserId alice = new UserId("alice");
  private final FeePolicy twoAndAHalfPercent = new FeePolicy(250);

  @Test
  void releasePaysTheSellerMinusTheFee() {
    Escrow escrow = Escrow.open("o1", bob, alice, Doge.ofDoge(100));
    Posting posting = escrow.release(twoAndAHalfPercent);
    assertThat(posting.amountFor(AccountId.user(alice, AccountKind.AVAILABLE)))
        .isEqualTo(Doge.parse("97.5").koinu());
    assertThat(posting.amountFor(AccountId.platform(AccountKind.FEES)))
        .isEqualTo(Doge.parse("2.5").koinu());
    assertThat(posting.amountFor(AccountId.user(bob, AccountKind.ESCROW)))
        .isEqualTo(-Doge.ofDoge(100).koinu());
  }

  @Test
  void theFeeIsRoundedUpToTheNextKoinu() {
    // 2.5% of 1 koinu is 0.025 koinu: the fee is 1 koinu, the seller gets nothing of it.
    assertThat(twoAndAHalfPercent.feeOn(Doge.ofKoinu(1))).isEqualTo(Doge.ofKoinu(1));
    assertThat(twoAndAHalfPercent.feeOn(Doge.ofKoinu(41))).isEqualTo(Doge.ofKoinu(2));
    assertThat(twoAndAHalfPercent.feeOn(Doge.ofKoinu(40))).isEqualTo(Doge.ofKoinu(1));
  }

  @Test
  void refundGivesEverythingBackWithoutFee() {
    Escrow escrow = Escrow.open("o1", bob, alice, Doge.ofDoge(100));
    Posting posting = escrow.refund();
    assertThat(posting.amountFor(AccountId.user(bob, AccountKind.AVAILABLE)))
        .isEqualTo(Doge.ofDoge(100).koinu());
    assertThat(posting.entries()).hasSize(2);
  }

  @Test
  void anEscrowIsSettledOnlyOnce() {
    Escrow escrow = Escrow.open("o1", bob, alice, Doge.ofDoge(100));
    escrow.release(twoAndAHalfPercent);
    assertThatThrownBy(escrow::refund).isInstanceOf(WalletException.InvalidState.class);
    assertThatThrownBy(() -> escrow.split(5000, twoAndAHalfPercent))
        .isInstanceOf(WalletException.InvalidState.class);
  }

  @Test
  void aSplitGivesTheOddKoinuToTheBuyerAndFeesOnlyTheSellersPart() {
    Escrow escrow = Escrow.open("o1", bob, alice, Doge.ofKoinu(3));
    escrow.split(5000, new FeePolicy(0));
    assertThat(escrow.buyerRefund()).isEqualTo(Doge.ofKoinu(2));
    assertThat(escrow.sellerPayout()).isEqualTo(Doge.ofKoinu(1));

    Escrow larger = Escrow.open("o2", bob, alice, Doge.ofDoge(100));
    larger.split(3000, twoAndAHalfPercent);
    assertThat(larger.buyerRefund()).isEqualTo(Doge.ofDoge(30));
    assertThat(larger.fee()).isEqualTo(Doge.parse("1.75"));
    assertThat(larger.sellerPayout()).isEqualTo(Doge.parse("68.25"));
  }

  @Test
  void noSplitOrReleaseEverCreatesOrLosesAKoinu() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      long amount =
          1
              + (random.nextBoolean()
                  ? random.nextInt(1000)
                  : Math.abs(random.nextLong() % 1_000_000_000_000_000L));
      int bps = random.nextInt(10_001);
      FeePolicy fees = new FeePolicy(random.nextInt(2_000));
      Escrow escrow = Escrow.open("o" + i, bob, alice, Doge.ofKoinu(amount));
      Posting posting = escrow.split(bps, fees);
      assertThat(escrow.buyerRefund().plus(escrow.sellerPayout()).plus(escrow.fee()).koinu())
          .isEqualTo(amount);
      assertThat(
              escrow.buyerRefund().isNegative()
                  || escrow.sellerPayout().isNegative()
                  || escrow.fee().isNegative())
          .isFalse();
      assertThat(posting.entries().stream().mapToLong(Entry::amount).sum()).isZero();
    }
  }

  @Test
  void buyerAndSellerMustDiffer() {
    assertThatThrownBy(() -> Escrow.open("o1", bob, bob, Doge.ofDoge(1)))
        .isInstanceOf(WalletException.InvalidRequest.class);
  }

  @Test
  void aSplitPercentageOutsideZeroToHundredIsRefused() {
    Escrow escrow = Escrow.open("o1", bob, alice, Doge.ofDoge(100));
    assertThatThrownBy(() -> escrow.split(10_001, twoAndAHalfPercent))
        .isInstanceOf(WalletException.InvalidRequest.class);
    assertThatThrownBy(() -> escrow.split(-1, twoAndAHalfPercent))
        .isInstanceOf(WalletException.InvalidRequest.class);
  }
}
