package dev.tact.mail;

import dev.tact.mail.html.TextRenderer;

/**
 * Plain text of an HTML mail body for people and for text processing: paragraphs and line breaks kept, lists as
 * "- " lines, blockquote lines prefixed with "&gt; ", links as "text &lt;url&gt;" when the URL differs from the
 * text. Never throws for any input; null gives "".
 */
public final class HtmlText {

  private HtmlText() {
  }

  /** The readable text of {@code html}. */
  public static String toText(String html) {
    return TextRenderer.render(html);
  }
}
