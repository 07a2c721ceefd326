package dev.tact.mail;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    return render(text, null);
  }

  /**
   * The same, with each paragraph's HTML taken from (and kept in) {@code paragraphs} when given: many mails of one
   * text but a line of their own render their shared paragraphs once.
   */
  static String render(String text, Map<String, String> paragraphs) {
    StringBuilder html = new StringBuilder(text.length() * 2 + 200)
        .append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n")
        .append("<body style=\"font-family: sans-serif; line-height: 1.4\">\n");
    for (String paragraph : PARAGRAPHS.split(text.replace("\r\n", "\n").strip())) {
      if (paragraph.isBlank()) {
        continue;
      }
      html.append(paragraphs == null ? paragraphToHtml(paragraph)
          : paragraphs.computeIfAbsent(paragraph, TextToHtml::paragraphToHtml));
    }
    return html.append("</body></html>\n").toString();
  }

  private static String paragraphToHtml(String paragraph) {
    boolean quoted = paragraph.lines().allMatch(line -> line.startsWith(">"));
    String body = paragraph.lines().map(line -> quoted ? QUOTE_MARK.matcher(line).replaceFirst("") : line)
        .map(TextToHtml::lineToHtml).collect(Collectors.joining("<br>\n"));
    return (quoted ? "<blockquote style=\"margin: 0 0 1em; padding-left: 1em; border-left: 3px solid #ccc\">"
        : "<p>") + body + (quoted ? "</blockquote>\n" : "</p>\n");
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
