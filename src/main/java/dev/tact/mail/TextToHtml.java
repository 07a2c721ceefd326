package dev.tact.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML part of a mail written from the same text as its plain part, so that one text is the single source
 * of both: paragraphs at blank lines, line breaks kept, web and mail addresses as links, {@code >} quoted lines
 * as a quotation, everything else escaped. No styles beyond a readable default, no images, no scripts.
 */
public final class TextToHtml {

  private static final Pattern LINK = Pattern.compile("\\bhttps?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]']");
  private static final Pattern PARAGRAPHS = Pattern.compile("\n[ \t]*\n+");
  private static final Pattern QUOTE_MARK = Pattern.compile("^>[ ]?");

  private TextToHtml() {}

  public static String render(String text) {
    StringBuilder html = new StringBuilder(text.length() * 2 + 200)
        .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n")
        .append("<body style=\"font-family: sans-serif; line-height: 1.4\">\n");
    for (String paragraph : PARAGRAPHS.split(text.replace("\r\n", "\n").strip())) {
      if (paragraph.isBlank()) {
        continue;
      }
      boolean quoted = paragraph.lines().allMatch(line -> line.startsWith(">"));
      String body = paragraph.lines().map(line -> quoted ? QUOTE_MARK.matcher(line).replaceFirst("") : line)
          .map(TextToHtml::lineToHtml).reduce((a, b) -> a + "<br>\n" + b).orElse("");
      html.append(quoted ? "<blockquote style=\"margin: 0 0 1em; padding-left: 1em; border-left: 3px solid #ccc\">"
          : "<p>").append(body).append(quoted ? "</blockquote>\n" : "</p>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private static String lineToHtml(String line) {
    StringBuilder out = new StringBuilder(line.length() + 16);
    Matcher link = LINK.matcher(line);
    int at = 0;
    while (link.find()) {
      out.append(escape(line.substring(at, link.start())));
      String url = escape(link.group());
      out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
      at = link.end();
    }
    return out.append(escape(line.substring(at))).toString();
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
