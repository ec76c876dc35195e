package com.dbay.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import org.junit.jupiter.api.Test;

class HoldTest {

  private final UserId bob = new UserId("bob");
  private final AccountId available = AccountId.user(bob, AccountKind.AVAILABLE);
  private final AccountId held = AccountId.user(bob, AccountKind.HELD);
  private final AccountId escrow = AccountId.user(bob, AccountKind.ESCROW);

  @Test
  void placingAHoldMovesTheAmountFromAvailableToHeld() {
    Hold hold = Hold.none(bob, "auction-1");
    Posting posting = hold.changeTo(Doge.ofDoge(100)).orElseThrow();
    assertThat(posting.type()).isEqualTo(PostingType.HOLD_PLACED);
    assertThat(posting.amountFor(available)).isEqualTo(-Doge.ofDoge(100).koinu());
    assertThat(posting.amountFor(held)).isEqualTo(Doge.ofDoge(100).koinu());
  }

  @Test
  void raisingAHoldMovesOnlyTheDifference() {
    Hold hold = new Hold(bob, "auction-1", Doge.ofDoge(100), Hold.Status.OPEN);
    Posting posting = hold.changeTo(Doge.ofDoge(150)).orElseThrow();
    assertThat(posting.type()).isEqualTo(PostingType.HOLD_CHANGED);
    assertThat(posting.amountFor(held)).isEqualTo(Doge.ofDoge(50).koinu());
    assertThat(hold.amount()).isEqualTo(Doge.ofDoge(150));
  }

  @Test
  void loweringAHoldGivesTheDifferenceBack() {
    Hold hold = new Hold(bob, "auction-1", Doge.ofDoge(100), Hold.Status.OPEN);
    Posting posting = hold.changeTo(Doge.ofDoge(30)).orElseThrow();
    assertThat(posting.amountFor(available)).isEqualTo(Doge.ofDoge(70).koinu());
  }

  @Test
  void settingTheSameAmountMovesNothing() {
    Hold hold = new Hold(bob, "auction-1", Doge.ofDoge(100), Hold.Status.OPEN);
    assertThat(hold.changeTo(Doge.ofDoge(100))).isEmpty();
  }

  @Test
  void releasingGivesEverythingBackAndAReleasedHoldMayBeSetAgain() {
    Hold hold = new Hold(bob, "auction-1", Doge.ofDoge(100), Hold.Status.OPEN);
    assertThat(hold.release().orElseThrow().type()).isEqualTo(PostingType.HOLD_RELEASED);
    assertThat(hold.amount()).isEqualTo(Doge.ZERO);
    assertThat(hold.changeTo(Doge.ofDoge(120)).orElseThrow().type())
        .isEqualTo(PostingType.HOLD_PLACED);
  }

  @Test
  void capturingTurnsThePriceIntoEscrowAndReleasesTheRestOfTheMaximum() {
    Hold hold = new Hold(bob, "auction-1", Doge.ofDoge(150), Hold.Status.OPEN);
    Posting posting = hold.capture(Doge.ofDoge(120), "order-9");
    assertThat(posting.amountFor(escrow)).isEqualTo(Doge.ofDoge(120).koinu());
    assertThat(posting.amountFor(available)).isEqualTo(Doge.ofDoge(30).koinu());
    assertThat(posting.amountFor(held)).isEqualTo(-Doge.ofDoge(150).koinu());
    assertThat(posting.reference()).isEqualTo("order:order-9");
    assertThat(hold.status()).isEqualTo(Hold.Status.CAPTURED);
  }

  @Test
  void aCapturedHoldCannotChangeAndALateReleaseDoesNothing() {
    Hold hold = new Hold(bob, "auction-1", Doge.ofDoge(150), Hold.Status.OPEN);
    hold.capture(Doge.ofDoge(150), "order-9");
    assertThatThrownBy(() -> hold.changeTo(Doge.ofDoge(10)))
        .isInstanceOf(WalletException.InvalidState.class);
    assertThat(hold.release()).isEmpty();
  }

  @Test
  void aHoldCannotPayForMoreThanItHolds() {
    Hold hold = new Hold(bob, "auction-1", Doge.ofDoge(100), Hold.Status.OPEN);
    assertThatThrownBy(() -> hold.capture(Doge.ofDoge(101), "order-9"))
        .isInstanceOf(WalletException.InvalidState.class);
  }
}
