package com.dbay.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.money.Doge;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostingTest {

  private final UserId bob = new UserId("bob");
  private final AccountId available = AccountId.user(bob, AccountKind.AVAILABLE);
  private final AccountId held = AccountId.user(bob, AccountKind.HELD);

  @Test
  void aPostingWhoseEntriesDoNotSumToZeroIsRejected() {
    assertThatThrownBy(
            () ->
                new Posting(
                    PostingType.HOLD_PLACED,
                    "hold:a",
                    List.of(new Entry(available, -5), new Entry(held, 4))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not balance");
  }

  @Test
  void aPostingNeedsAtLeastTwoEntries() {
    assertThatThrownBy(
            () ->
                new Posting(
                    PostingType.HOLD_PLACED, "hold:a", List.of(new Entry(available, 0 + 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBuilderNetsMovementsPerAccountAndDropsWhatCancelsOut() {
    Posting posting =
        Posting.builder(PostingType.HOLD_CHANGED, "hold:a")
            .move(available, held, Doge.ofKoinu(10))
            .move(held, available, Doge.ofKoinu(4))
            .build();
    assertThat(posting.entries()).containsExactly(new Entry(available, -6), new Entry(held, 6));
    assertThat(
            Posting.builder(PostingType.HOLD_CHANGED, "hold:a")
                .move(available, held, Doge.ofKoinu(3))
                .move(held, available, Doge.ofKoinu(3))
                .buildIfAny())
        .isEmpty();
  }

  @Test
  void entriesAreInLockOrderWithPlatformAccountsLast() {
    Posting posting =
        Posting.builder(PostingType.ESCROW_RELEASED, "order:1")
            .move(
                AccountId.user(new UserId("zed"), AccountKind.ESCROW),
                AccountId.platform(AccountKind.FEES),
                Doge.ofKoinu(1))
            .move(
                AccountId.user(new UserId("zed"), AccountKind.ESCROW),
                AccountId.user(new UserId("amy"), AccountKind.AVAILABLE),
                Doge.ofKoinu(9))
            .build();
    assertThat(posting.entries())
        .extracting(e -> e.account().owner())
        .containsExactly("amy", "zed", "platform");
  }

  @Test
  void aZeroEntryCannotExist() {
    assertThatThrownBy(() -> new Entry(available, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
