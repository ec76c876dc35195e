package com.dbay.notification.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The mail of one batch, from the templates {@code templates/email/notifications.html} and {@code
 * .txt}: {@code {{name}}} placeholders, and one {@code {{items}}} block built from the item
 * templates. Every value is HTML-escaped in the HTML body (a listing title is user input).
 */
final class EmailTemplates {

  record Item(String title, String body, String url) {}

  record Mail(String subject, String html, String text) {}

  private final String html = read("notifications.html");
  private final String text = read("notifications.txt");
  private final String htmlItem = read("item.html");
  private final String textItem = read("item.txt");

  Mail render(List<Item> items, String settingsUrl) {
    String subject =
        items.size() == 1
            ? items.get(0).title()
            : items.size() + " new notifications on DBay: " + items.get(0).title();
    StringBuilder htmlItems = new StringBuilder();
    StringBuilder textItems = new StringBuilder();
    for (Item i : items) {
      Map<String, String> values = Map.of("title", i.title(), "body", i.body(), "url", i.url());
      htmlItems.append(fill(htmlItem, values, true));
      textItems.append(fill(textItem, values, false));
    }
    Map<String, String> page =
        Map.of(
            "subject", subject, "settingsUrl", settingsUrl, "count", String.valueOf(items.size()));
    return new Mail(
        subject,
        fill(html, page, true).replace("{{items}}", htmlItems),
        fill(text, page, false).replace("{{items}}", textItems));
  }

  private static String fill(String template, Map<String, String> values, boolean escape) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      String v = e.getValue() == null ? "" : e.getValue();
      out = out.replace("{{" + e.getKey() + "}}", escape ? escape(v) : v);
    }
    return out;
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String read(String name) {
    try (InputStream in = EmailTemplates.class.getResourceAsStream("/templates/email/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no email template " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
