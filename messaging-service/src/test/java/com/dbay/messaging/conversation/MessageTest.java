package com.dbay.messaging.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dbay.platform.problem.DomainException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageTest {

  static Message of(String body) {
    return new Message("m", "t", "s", "r", body, Instant.EPOCH, null);
  }

  @Test
  void a_short_body_is_its_own_preview_exactly_as_written() {
    String body = "  <b>hi</b>\n";
    assertThat(of(body).preview()).isEqualTo(body);
    assertThat(of("x".repeat(140)).preview()).hasSize(140);
  }

  @Test
  void a_long_body_is_cut_to_140_characters_without_splitting_an_emoji() {
    String preview = of("😀".repeat(200)).preview();
    assertThat(preview.codePointCount(0, preview.length())).isEqualTo(140);
    assertThat(preview).endsWith("😀…");
    assertThat(of("a".repeat(141)).preview()).isEqualTo("a".repeat(139) + "…");
  }

  @Test
  void a_page_position_survives_its_cursor_and_a_foreign_cursor_is_a_400() {
    PagePosition p = new PagePosition(Instant.ofEpochMilli(1_700_000_000_123L), "abc_def");
    assertThat(PagePosition.parse(p.cursor(), "cursor")).isEqualTo(p);
    assertThat(PagePosition.parse(null, "cursor")).isNull();
    assertThatThrownBy(() -> PagePosition.parse("nonsense!", "cursor"))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.INVALID);
  }

  @Test
  void ids_follow_from_their_inputs_so_retries_find_the_first() {
    assertThat(Conversations.messageId("bob", "k1"))
        .isEqualTo(Conversations.messageId("bob", "k1"));
    assertThat(Conversations.messageId("bob", "k1"))
        .isNotEqualTo(Conversations.messageId("eve", "k1"));
    assertThat(Conversations.threadId("L1", "bob"))
        .isNotEqualTo(Conversations.threadId("L1", "eve"));
  }
}
