package dev.tact.mail.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders HTML as readable plain text without recursion (deeply nested mail HTML must not blow the stack):
 * blocks become lines, paragraphs blank-line separated, list items "- " (or numbered), table cells separated,
 * blockquote lines prefixed with "> ", links as "text &lt;url&gt;" when the URL differs from the text.
 */
public final class TextRenderer implements NodeVisitor {

  private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "template", "noscript");
  private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl",
      "table", "pre", "blockquote", "hr", "address", "figure");
  private static final Set<String> LINES = Set.of("div", "li", "tr", "dt", "dd", "section", "article", "header",
      "footer", "nav", "aside", "main", "center", "form", "fieldset", "caption", "tbody", "thead");

  private final StringBuilder out = new StringBuilder();
  private final Deque<Integer> linkStarts = new ArrayDeque<>();
  private final Deque<Integer> listCounters = new ArrayDeque<>();
  private int quoteDepth;
  private int preDepth;
  private int skipDepth;
  private int pendingBreaks;
  private int breakQuoteDepth;
  private boolean lineStarted;
  private boolean pendingSpace;

  private TextRenderer() {
  }

  /** The text of an HTML document or fragment. */
  public static String render(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Document document = Jsoup.parse(html);
    TextRenderer renderer = new TextRenderer();
    NodeTraversor.traverse(renderer, document.body() == null ? document : document.body());
    return tidy(renderer.out.toString());
  }

  @Override
  public void head(Node node, int depth) {
    if (node instanceof TextNode text) {
      if (skipDepth == 0) {
        text(text.getWholeText());
      }
      return;
    }
    if (!(node instanceof Element element)) {
      return;
    }
    String tag = element.normalName();
    if (SKIPPED.contains(tag)) {
      skipDepth++;
      return;
    }
    if (skipDepth > 0) {
      return;
    }
    switch (tag) {
      case "br" -> hardBreak();
      case "blockquote" -> {
        breakLines(2);
        quoteDepth++;
      }
      case "pre" -> {
        breakLines(2);
        preDepth++;
      }
      case "ol" -> {
        breakLines(listCounters.isEmpty() ? 2 : 1);
        listCounters.push(1);
      }
      case "ul" -> {
        breakLines(listCounters.isEmpty() ? 2 : 1);
        listCounters.push(0);
      }
      case "li" -> listItem();
      case "td", "th" -> cellSeparator(element);
      case "a" -> linkStarts.push(out.length());
      case "img" -> image(element);
      default -> {
        if (PARAGRAPHS.contains(tag)) {
          breakLines(2);
        } else if (LINES.contains(tag)) {
          breakLines(1);
        }
      }
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (!(node instanceof Element element)) {
      return;
    }
    String tag = element.normalName();
    if (SKIPPED.contains(tag)) {
      skipDepth--;
      return;
    }
    if (skipDepth > 0) {
      return;
    }
    switch (tag) {
      case "blockquote" -> {
        breakLines(2);
        quoteDepth = Math.max(0, quoteDepth - 1);
      }
      case "pre" -> {
        preDepth = Math.max(0, preDepth - 1);
        breakLines(2);
      }
      case "ol", "ul" -> {
        if (!listCounters.isEmpty()) {
          listCounters.pop();
        }
        breakLines(listCounters.isEmpty() ? 2 : 1);
      }
      case "a" -> endLink(element);
      default -> {
        if (PARAGRAPHS.contains(tag)) {
          breakLines(2);
        } else if (LINES.contains(tag)) {
          breakLines(1);
        }
      }
    }
  }

  private void text(String text) {
    if (preDepth > 0) {
      String[] lines = text.replace("\r\n", "\n").split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          hardBreak();
        }
        if (!lines[i].isEmpty()) {
          write(lines[i]);
        }
      }
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        pendingSpace = lineStarted;
      } else {
        if (pendingSpace && lineStarted && pendingBreaks == 0) {
          out.append(' ');
        }
        pendingSpace = false;
        write(String.valueOf(c));
      }
    }
  }

  private void write(String text) {
    if (pendingBreaks > 0 && out.length() > 0) {
      for (int i = 0; i < pendingBreaks; i++) {
        out.append('\n');
        int depth = Math.min(breakQuoteDepth, quoteDepth);
        if (i < pendingBreaks - 1 && depth > 0) {
          out.append(">".repeat(depth));
        }
      }
    }
    pendingBreaks = 0;
    if (!lineStarted) {
      out.append("> ".repeat(quoteDepth));
      lineStarted = true;
    }
    out.append(text);
  }

  private void hardBreak() {
    if (!lineStarted && pendingBreaks == 0 && out.length() > 0) {
      // an empty line made of <br><br>
      out.append('\n').append(">".repeat(quoteDepth));
      return;
    }
    noteBreak(1);
    lineStarted = false;
    pendingSpace = false;
  }

  private void breakLines(int count) {
    if (out.length() == 0) {
      return;
    }
    if (lineStarted || pendingBreaks > 0) {
      noteBreak(count);
    }
    lineStarted = false;
    pendingSpace = false;
  }

  private void noteBreak(int count) {
    breakQuoteDepth = pendingBreaks == 0 ? quoteDepth : Math.min(breakQuoteDepth, quoteDepth);
    pendingBreaks = Math.max(pendingBreaks, count);
  }

  private void listItem() {
    breakLines(1);
    int next = listCounters.isEmpty() ? 0 : listCounters.pop();
    listCounters.push(next > 0 ? next + 1 : 0);
    String marker = next > 0 ? next + ". " : "- ";
    write("  ".repeat(Math.max(0, listCounters.size() - 1)) + marker);
  }

  private void cellSeparator(Element cell) {
    Element previous = cell.previousElementSibling();
    if (previous != null && lineStarted) {
      out.append('\t');
      pendingSpace = false;
    }
  }

  private void image(Element image) {
    String alt = image.attr("alt").strip();
    if (!alt.isEmpty()) {
      text(alt);
    }
  }

  private void endLink(Element link) {
    int start = linkStarts.isEmpty() ? out.length() : linkStarts.pop();
    String href = link.attr("href").strip();
    String lower = href.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http:") && !lower.startsWith("https:") && !lower.startsWith("mailto:")) {
      return;
    }
    String shown = start <= out.length() ? out.substring(start).strip() : "";
    String target = lower.startsWith("mailto:") ? href.substring(7) : href;
    if (shown.isEmpty() || sameLink(shown, target)) {
      if (shown.isEmpty()) {
        text(target);
      }
      return;
    }
    write(" <" + target + ">");
  }

  private static boolean sameLink(String shown, String target) {
    String a = shown.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceAll("/$", "");
    String b = target.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceAll("/$", "");
    return a.equals(b);
  }

  private static String tidy(String text) {
    StringBuilder result = new StringBuilder(text.length());
    int blank = 0;
    for (String line : text.split("\n", -1)) {
      String trimmed = line.stripTrailing();
      if (trimmed.isEmpty() || trimmed.chars().allMatch(c -> c == '>')) {
        blank++;
        if (blank > 1) {
          continue;
        }
      } else {
        blank = 0;
      }
      result.append(trimmed).append('\n');
    }
    return result.toString().strip();
  }
}
