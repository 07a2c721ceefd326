package dev.tact.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One text makes both parts of a mail: the HTML part says the same, escaped, with paragraphs and links. */
class TextToHtmlTests {

  @Test
  void shouldKeepParagraphsAndLineBreaksAndEscapeMarkup() {
    String html = TextToHtml.render("Hello Zoë,\n\nRestart it <b>now</b> & wait\nfor the light.\n\n\nBest, Ana");

    assertThat(html).contains("<p>Hello Zoë,</p>")
        .contains("<p>Restart it &lt;b&gt;now&lt;/b&gt; &amp; wait<br>\nfor the light.</p>")
        .contains("<p>Best, Ana</p>")
        .doesNotContain("<b>now");
  }

  @Test
  void shouldLinkWebAddressesWithoutTheTrailingPunctuationAndQuoteQuotedLines() {
    String html = TextToHtml.render("See https://status.acme.example/incidents?id=4&x=\"1\".\n\n> earlier words\n> more");

    assertThat(html).contains("<a href=\"https://status.acme.example/incidents?id=4&amp;x=\">"
        + "https://status.acme.example/incidents?id=4&amp;x=</a>&quot;1&quot;.");
    assertThat(html).containsPattern("<blockquote[^>]*>earlier words<br>\nmore</blockquote>");
  }

  @Test
  void shouldNeverLetAScriptThrough() {
    assertThat(TextToHtml.render("<script>alert(1)</script>\n\njavascript:alert(1)"))
        .doesNotContain("<script").doesNotContain("href=\"javascript");
  }

  @Test
  void shouldMakeAMailWhoseTwoPartsSayTheSame() throws Exception {
    String text = "Your order 1042 ships today.\n\nTrack it at https://track.example/1042";
    byte[] mail = OutgoingMailWriter.write(new OutgoingMail(new MailAddress("support@acme.example", null),
        List.of(new MailAddress("zoe@customer.example", null)), "Shipping", text, TextToHtml.render(text),
        "tact.outbox.1@acme.example", null, List.of(), 0, true, Instant.parse("2026-11-23T10:00:00Z")));

    ParsedMail parsed = new MailParser(MailLimits.defaults()).parse(mail);
    assertThat(parsed.text().strip()).isEqualTo(text);
    assertThat(parsed.html()).contains("<p>Your order 1042 ships today.</p>")
        .contains("<a href=\"https://track.example/1042\">");
  }
}
