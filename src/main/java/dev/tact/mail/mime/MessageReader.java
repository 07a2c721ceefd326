package dev.tact.mail.mime;

import dev.tact.mail.AutomaticMail;
import dev.tact.shared.ControlCharacters;
import dev.tact.mail.DeliveryReport;
import dev.tact.mail.HtmlText;
import dev.tact.mail.MailAddress;
import dev.tact.mail.MailHeader;
import dev.tact.mail.MailLimits;
import dev.tact.mail.ParsedMail;
import dev.tact.mail.auto.AutomaticMailDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one message and its attached messages into {@link ParsedMail}s, sharing one decoded-bytes budget and
 * one part counter across them so that the whole parse stays bounded.
 */
public final class MessageReader {

  private static final Pattern BODY_MESSAGE_ID = Pattern.compile("(?im)^[ \\t>]*Message-ID:\\s*<([^<>\\s]+)>");

  private final MailLimits limits;
  private final ContentBudget budget;
  private final MimeWalker.PartCounter parts = new MimeWalker.PartCounter();

  public MessageReader(MailLimits limits) {
    this.limits = limits;
    this.budget = new ContentBudget(limits.maxDecodedBytes());
  }

  /** Reads a message nested {@code depth} levels deep (0 for a received one). */
  public ParsedMail read(byte[] raw, int depth) {
    DefectList defects = new DefectList();
    PartNode root = new MimeWalker(limits, budget, parts, defects).walk(raw, depth);
    List<MailHeader> headers = root.headers().stream()
        .map(h -> new MailHeader(h.name(), EncodedWords.decode(h.value()))).toList();
    MailAddress from = Addresses.parseFirst(root.header("From"));
    // One line whatever the encoded words decode to: the subject is written back into replies' headers.
    String subject = ControlCharacters.singleLine(EncodedWords.decode(root.header("Subject")));
    String returnPath = returnPath(root.header("Return-Path"));

    BodyAssembler.Result body = new BodyAssembler(defects).assemble(root);
    String text = body.text();
    String html = body.html();
    boolean textFromHtml = false;
    if (text == null && html != null) {
      text = HtmlText.toText(html);
      textFromHtml = true;
    }
    List<ParsedMail> attached = readAttached(body.messages(), depth, defects);
    AutomaticMail automatic = AutomaticMailDetector.detect(headers, from, returnPath, subject, body.reportType());
    DeliveryReport report = deliveryReport(body, automatic, headers, text, defects);

    return new ParsedMail(
        MessageIds.first(root.header("Message-ID")),
        MessageIds.all(root.header("In-Reply-To")),
        MessageIds.all(root.header("References")),
        from,
        Addresses.parseFirst(root.header("Sender")),
        addresses(root, "Reply-To"),
        addresses(root, "To"),
        addresses(root, "Cc"),
        returnPath,
        subject,
        MailDates.parse(root.header("Date")),
        text == null ? "" : text,
        textFromHtml,
        html,
        body.attachments(),
        attached,
        report,
        automatic,
        headers,
        defects.snapshot());
  }

  private List<ParsedMail> readAttached(List<byte[]> messages, int depth, List<String> defects) {
    List<ParsedMail> attached = new ArrayList<>();
    for (byte[] message : messages) {
      if (depth + 1 >= limits.maxDepth()) {
        defects.add("attached message nested deeper than " + limits.maxDepth() + " levels kept unparsed");
        continue;
      }
      String whyNot = message.length == 0 ? "it is empty" : HeaderScan.whyNotMail(message);
      if (whyNot != null) {
        defects.add("attached message not parsed: " + whyNot);
        continue;
      }
      attached.add(read(message, depth + 1));
    }
    return attached;
  }

  private static List<MailAddress> addresses(PartNode root, String name) {
    List<MailAddress> result = new ArrayList<>();
    for (RawHeader header : root.headers()) {
      if (header.is(name)) {
        result.addAll(Addresses.parseList(header.value()));
      }
    }
    return result;
  }

  private static String returnPath(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.isEmpty() || stripped.startsWith("<>")) {
      return "";
    }
    int open = stripped.indexOf('<');
    int close = stripped.indexOf('>', open + 1);
    String address = open >= 0 && close > open ? stripped.substring(open + 1, close) : stripped;
    return Addresses.normalise(address.strip());
  }

  private static DeliveryReport deliveryReport(BodyAssembler.Result body, AutomaticMail automatic,
      List<MailHeader> headers, String text, List<String> defects) {
    String originalId = null;
    for (byte[] reported : body.reportedHeaders()) {
      originalId = MessageIds.first(HeaderScan.firstValue(reported, "Message-ID"));
      if (originalId != null) {
        break;
      }
    }
    if (body.isDeliveryReport()) {
      String reportingMta = null;
      List<DeliveryReport.Recipient> recipients = new ArrayList<>();
      for (String status : body.deliveryStatus()) {
        DeliveryStatus.Fields fields = DeliveryStatus.parse(status);
        reportingMta = reportingMta == null ? fields.reportingMta() : reportingMta;
        recipients.addAll(fields.recipients());
      }
      if (body.deliveryStatus().isEmpty()) {
        defects.add("delivery report without a delivery-status part");
      }
      return new DeliveryReport(true, originalId, reportingMta, recipients);
    }
    if (automatic.kind() != AutomaticMail.Kind.BOUNCE) {
      return null;
    }
    for (byte[] message : body.messages()) {
      originalId = originalId != null ? originalId : MessageIds.first(HeaderScan.firstValue(message, "Message-ID"));
    }
    if (originalId == null && text != null) {
      Matcher matcher = BODY_MESSAGE_ID.matcher(text);
      originalId = matcher.find() ? matcher.group(1) : null;
    }
    List<DeliveryReport.Recipient> recipients = new ArrayList<>();
    headers.stream().filter(h -> h.is("X-Failed-Recipients"))
        .flatMap(h -> Addresses.parseList(h.value()).stream())
        .forEach(a -> recipients.add(new DeliveryReport.Recipient(a.address(), "failed", null, null)));
    return new DeliveryReport(false, originalId, null, recipients);
  }
}
