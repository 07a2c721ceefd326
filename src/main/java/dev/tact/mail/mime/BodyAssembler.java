package dev.tact.mail.mime;

import dev.tact.mail.MailAttachment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses a message's body and lists everything else as attachments, walking the part tree: within
 * multipart/alternative the plain text and the HTML are each taken from the last alternative that has them;
 * within multipart/related the start part is the body and the others are inline resources; in other multiparts
 * every inline text part joins the body in order and the rest are attachments.
 */
public final class BodyAssembler {

  /** The body and the other parts of one message. */
  public static final class Result {
    final List<String> texts = new ArrayList<>();
    final List<String> htmls = new ArrayList<>();
    final List<MailAttachment> attachments = new ArrayList<>();
    final List<byte[]> messages = new ArrayList<>();
    final List<String> deliveryStatus = new ArrayList<>();
    final List<byte[]> reportedHeaders = new ArrayList<>();
    boolean deliveryReport;
    String reportType;

    /** The plain-text body parts joined, or null when there are none. */
    public String text() {
      return texts.isEmpty() ? null : String.join("\n", texts);
    }

    /** The HTML body parts joined, or null when there are none. */
    public String html() {
      return htmls.isEmpty() ? null : String.join("\n", htmls);
    }

    public List<MailAttachment> attachments() {
      return attachments;
    }

    /** Raw bytes of message/rfc822 parts, in order. */
    public List<byte[]> messages() {
      return messages;
    }

    /** Texts of message/delivery-status parts. */
    public List<String> deliveryStatus() {
      return deliveryStatus;
    }

    /** Whether the message is a multipart/report with report-type delivery-status. */
    public boolean isDeliveryReport() {
      return deliveryReport;
    }

    /** The report-type of a multipart/report, lower-cased, or null. */
    public String reportType() {
      return reportType;
    }

    /** Bytes of attached original messages or text/rfc822-headers parts of a report, in order. */
    public List<byte[]> reportedHeaders() {
      return reportedHeaders;
    }
  }

  private final List<String> defects;

  public BodyAssembler(List<String> defects) {
    this.defects = defects;
  }

  /** Assembles the body of the tree rooted at {@code root}. */
  public Result assemble(PartNode root) {
    Result result = new Result();
    collect(root, result, true, false);
    return result;
  }

  private void collect(PartNode node, Result result, boolean root, boolean inRelated) {
    if (node.isMultipart()) {
      collectMultipart(node, result);
    } else if (isMessage(node)) {
      addMessage(node, result);
    } else if (isBodyText(node, root) && !inRelated) {
      addBodyText(node, result);
    } else {
      addAttachment(node, result, inRelated);
    }
  }

  private void collectMultipart(PartNode node, Result result) {
    List<PartNode> children = node.children();
    if (children.isEmpty()) {
      String preamble = node.preamble();
      if (preamble != null && !preamble.isBlank()) {
        defects.add("multipart without parts: its text was read as the body");
        result.texts.add(normaliseLines(preamble));
      }
      return;
    }
    switch (node.subtype()) {
      case "alternative" -> collectAlternative(children, result);
      case "related" -> collectRelated(node, children, result);
      case "report" -> collectReport(node, children, result);
      default -> children.forEach(child -> collect(child, result, false, false));
    }
  }

  private void collectAlternative(List<PartNode> children, Result result) {
    String text = null;
    String html = null;
    for (PartNode child : children) {
      Result sub = new Result();
      collect(child, sub, false, false);
      text = sub.text() != null ? sub.text() : text;
      html = sub.html() != null ? sub.html() : html;
      result.attachments.addAll(sub.attachments);
      result.messages.addAll(sub.messages);
      result.deliveryStatus.addAll(sub.deliveryStatus);
      result.reportedHeaders.addAll(sub.reportedHeaders);
    }
    if (text != null) {
      result.texts.add(text);
    }
    if (html != null) {
      result.htmls.add(html);
    }
  }

  private void collectRelated(PartNode node, List<PartNode> children, Result result) {
    String start = MessageIds.first(node.contentType().get("start"));
    PartNode main = children.get(0);
    if (start != null) {
      for (PartNode child : children) {
        if (start.equals(child.contentId())) {
          main = child;
        }
      }
    }
    collect(main, result, false, false);
    for (PartNode child : children) {
      if (child != main) {
        collect(child, result, false, true);
      }
    }
  }

  private void collectReport(PartNode node, List<PartNode> children, Result result) {
    String reportType = node.contentType().get("report-type");
    result.reportType = reportType == null ? null : reportType.toLowerCase(Locale.ROOT);
    boolean delivery = "delivery-status".equals(result.reportType)
        || children.stream().anyMatch(c -> c.mimeType().endsWith("delivery-status"));
    result.deliveryReport |= delivery;
    for (PartNode child : children) {
      String type = child.mimeType();
      if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
        result.deliveryStatus.add(Charsets.decode(child.content(), child.charset(), defects));
      } else if (type.equals("text/rfc822-headers") || type.equals("message/rfc822-headers")
          || type.equals("message/global-headers")) {
        result.reportedHeaders.add(child.content());
      } else if (isMessage(child)) {
        result.reportedHeaders.add(child.content());
      }
      collect(child, result, false, false);
    }
  }

  private static boolean isMessage(PartNode node) {
    String type = node.mimeType();
    return type.equals("message/rfc822") || type.equals("message/global");
  }

  private static boolean isBodyText(PartNode node, boolean root) {
    String type = node.mimeType();
    if (!type.equals("text/plain") && !type.equals("text/html")) {
      return false;
    }
    String disposition = node.dispositionType();
    if (disposition.equals("attachment")) {
      return false;
    }
    return root || disposition.equals("inline") || node.filename() == null;
  }

  private void addBodyText(PartNode node, Result result) {
    String decoded = Charsets.decode(node.content(), node.charset(), defects);
    if (node.mimeType().equals("text/html")) {
      result.htmls.add(decoded);
    } else {
      result.texts.add(normaliseLines(decoded));
    }
  }

  private void addMessage(PartNode node, Result result) {
    result.messages.add(node.content());
    String filename = node.filename();
    result.attachments.add(new MailAttachment(filename == null ? "message.eml" : filename, node.mimeType(),
        node.contentId(), node.dispositionType().equals("inline"), node.content()));
  }

  private void addAttachment(PartNode node, Result result, boolean inRelated) {
    if (node.isBeyondDepth()) {
      defects.add("part beyond the nesting limit kept unparsed as an attachment");
    }
    boolean inline = node.dispositionType().equals("inline")
        || inRelated && !node.dispositionType().equals("attachment")
        || node.dispositionType().isEmpty() && node.contentId() != null && node.mimeType().startsWith("image/");
    result.attachments.add(new MailAttachment(node.filename(), node.mimeType(), node.contentId(), inline,
        node.content()));
  }

  /** CRLF and lone CR become LF. */
  public static String normaliseLines(String text) {
    if (text.indexOf('\r') < 0) {
      return text;
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
