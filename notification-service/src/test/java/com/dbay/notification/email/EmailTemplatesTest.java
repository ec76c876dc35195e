package com.dbay.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmailTemplatesTest {

  private final EmailTemplates templates = new EmailTemplates();

  @Test
  void oneItemIsItsOwnSubjectAndSeveralAreCounted() {
    var one =
        templates.render(
            List.of(new EmailTemplates.Item("You were outbid", "Price 12", "http://x/a")),
            "http://x/s");
    assertThat(one.subject()).isEqualTo("You were outbid");
    var two =
        templates.render(
            List.of(
                new EmailTemplates.Item("You were outbid", "Price 12", "http://x/a"),
                new EmailTemplates.Item("Your item sold", "For 5", "http://x/b")),
            "http://x/s");
    assertThat(two.subject()).isEqualTo("2 new notifications on DBay: You were outbid");
    assertThat(two.text())
        .contains("* You were outbid\n  Price 12\n  http://x/a")
        .contains("* Your item sold");
    assertThat(two.html()).contains("href=\"http://x/b\"").contains("href=\"http://x/s\"");
  }

  @Test
  void userInputIsEscapedInTheHtmlAndKeptAsWrittenInTheText() {
    var mail =
        templates.render(
            List.of(
                new EmailTemplates.Item(
                    "New question on <script>x</script>", "\"a\" & 'b'", "http://x/a?b=1&c=2")),
            "http://x/s");
    assertThat(mail.html())
        .contains("New question on &lt;script&gt;x&lt;/script&gt;")
        .doesNotContain("<script>");
    assertThat(mail.html())
        .contains("&quot;a&quot; &amp; &#39;b&#39;")
        .contains("http://x/a?b=1&amp;c=2");
    assertThat(mail.text()).contains("New question on <script>x</script>");
  }
}
