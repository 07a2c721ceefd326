package dev.tact.mail.reply;

import dev.tact.mail.ReplyParts;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Splits an HTML body into its new part and quoted history. The HTML is rendered to text line by line, with
 * `blockquote` contents prefixed by "> " and `hr` rendered as a separator line, so the plain-text rules decide;
 * then every node rendered at or below the first hidden line is removed from the document to give the visible HTML.
 */
public final class HtmlReplyParser {

  private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2",
      "h3", "h4", "h5", "h6", "blockquote", "hr", "pre", "dl", "dt", "dd", "section", "article", "header",
      "footer", "address", "center", "body", "html");
  private static final Set<String> INVISIBLE = Set.of("head", "style", "script", "title", "meta", "template");

  private final PlainTextReplyParser plain;

  public HtmlReplyParser() {
    this(ReplyRule.all());
  }

  /** A parser with only some of the {@link ReplyRule}s (for measurements). */
  public HtmlReplyParser(java.util.Set<ReplyRule> rules) {
    this.plain = new PlainTextReplyParser(rules);
  }

  /** Parses {@code html}; null counts as empty. */
  public ReplyParts parse(String html) {
    if (html == null || html.isBlank()) {
      return ReplyParts.empty();
    }
    Document document = Jsoup.parse(html);
    document.select("head, style, script, title, template").remove();
    Renderer renderer = new Renderer();
    renderer.render(document.body(), 0);
    String text = renderer.text();
    ReplyParts parts = plain.parse(text);
    int cutLine = firstHiddenLineOfTail(parts, text);
    for (Map.Entry<Node, Integer> entry : renderer.lineOf.entrySet()) {
      if (entry.getValue() >= cutLine && entry.getKey().parent() != null) {
        entry.getKey().remove();
      }
    }
    pruneEmpty(document.body());
    return new ReplyParts(parts.visible(), parts.quoted(), parts.signature(), parts.fragments(),
        document.body().html());
  }

  /** Line index from which every line of the rendered text is hidden (the fragments tell which). */
  private static int firstHiddenLineOfTail(ReplyParts parts, String text) {
    int line = 0;
    int tailStart = 0;
    for (var fragment : parts.fragments()) {
      int count = (int) fragment.text().chars().filter(c -> c == '\n').count() + 1;
      if (!fragment.hidden()) {
        tailStart = line + count;
      }
      line += count;
    }
    return tailStart;
  }

  private static void pruneEmpty(Element element) {
    for (Element child : new ArrayList<>(element.children())) {
      pruneEmpty(child);
      boolean keepsSomething = child.hasText() || !child.select("img, br").isEmpty()
          || "img".equals(child.tagName());
      if (!keepsSomething) {
        child.remove();
      }
    }
  }

  /** Renders nodes to text lines and remembers the line each leaf node landed on. */
  private static final class Renderer {
    private final List<StringBuilder> lines = new ArrayList<>(List.of(new StringBuilder()));
    private final Map<Node, Integer> lineOf = new IdentityHashMap<>();
    private final List<Integer> quoteDepthOfLine = new ArrayList<>(List.of(0));
    private int quoteDepth;

    void render(Node node, int preDepth) {
      if (node instanceof TextNode textNode) {
        String value = preDepth > 0 ? textNode.getWholeText() : textNode.text();
        lineOf.put(node, lines.size() - 1);
        appendText(value, preDepth > 0);
        return;
      }
      if (!(node instanceof Element element)) {
        return;
      }
      String tag = element.normalName();
      if (INVISIBLE.contains(tag)) {
        return;
      }
      boolean block = BLOCKS.contains(tag);
      if ("br".equals(tag)) {
        lineOf.put(node, lines.size() - 1);
        newLine(true);
        return;
      }
      if ("hr".equals(tag)) {
        newLine(false);
        lineOf.put(node, lines.size() - 1);
        current().append("________________________________");
        newLine(false);
        return;
      }
      if (block) {
        newLine(false);
      }
      boolean quote = "blockquote".equals(tag);
      if (quote) {
        quoteDepth++;
        quoteDepthOfLine.set(quoteDepthOfLine.size() - 1, quoteDepth);
      }
      int childPre = "pre".equals(tag) ? preDepth + 1 : preDepth;
      for (Node child : new ArrayList<>(element.childNodes())) {
        render(child, childPre);
      }
      if (element.childNodeSize() == 0) {
        lineOf.put(node, lines.size() - 1);
      }
      if (quote) {
        quoteDepth--;
      }
      if (block) {
        newLine(false);
      }
      if (quote) {
        // a blockquote's end is exact: a blank line keeps what follows from reading as a wrapped quoted line
        lines.add(new StringBuilder());
        quoteDepthOfLine.add(quoteDepth);
      }
    }

    private void appendText(String value, boolean pre) {
      String[] parts = value.split("\n", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          newLine(true);
        }
        String part = pre ? parts[i] : parts[i].replace('\u00A0', ' ');
        if (current().isEmpty()) {
          part = part.stripLeading();
        }
        current().append(part);
      }
    }

    private StringBuilder current() {
      return lines.get(lines.size() - 1);
    }

    /** Starts a new line; outside an explicit break, an empty current line is reused. */
    private void newLine(boolean explicit) {
      if (!explicit && current().toString().isBlank()) {
        quoteDepthOfLine.set(quoteDepthOfLine.size() - 1, quoteDepth);
        return;
      }
      lines.add(new StringBuilder());
      quoteDepthOfLine.add(quoteDepth);
    }

    String text() {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).toString().strip();
        int depth = quoteDepthOfLine.get(i);
        if (depth > 0) {
          out.append("> ".repeat(depth));
        }
        out.append(line);
        if (i < lines.size() - 1) {
          out.append('\n');
        }
      }
      return out.toString();
    }
  }
}
