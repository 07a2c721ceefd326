package dev.tact.mail.auto;

import dev.tact.mail.AutomaticMail;
import dev.tact.mail.AutomaticMail.Kind;
import dev.tact.mail.MailAddress;
import dev.tact.mail.MailHeader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells machine-sent mail from mail a person wrote, from headers (RFC 3834 Auto-Submitted, Precedence, List-*,
 * X-Autoreply and relatives, the null Return-Path), delivery reports, the sender (MAILER-DAEMON, postmaster) and
 * out-of-office or bounce subjects in common languages. The most specific kind wins; every piece of evidence is
 * listed in words.
 */
public final class AutomaticMailDetector {

  /** Most specific first. */
  private static final List<Kind> PRIORITY = List.of(
      Kind.BOUNCE, Kind.OUT_OF_OFFICE, Kind.AUTO_REPLY, Kind.LIST, Kind.BULK, Kind.AUTO_GENERATED);

  private static final Pattern OUT_OF_OFFICE = Pattern.compile(
      "^\\W{0,3}(out of (the )?office|automatic reply|auto[- ]?reply|auto[- ]?response|autosvar|abwesenheitsnotiz"
          + "|automatische antwort|r[ée]ponse automatique|fuera de la oficina|respuesta autom[aá]tica"
          + "|risposta automatica|fuori (sede|ufficio)|automatisch antwoord|resposta autom[aá]tica|poza biurem"
          + "|odpowied[źz] automatyczna|автоответ|自动回复|自動応答"
          // single words are only taken as a subject of their own or a prefix before a colon
          + "|(absent|absente|absence|abwesend|ausente|afwezig|fr[åa]nvaro|不在)\\s*(:|\\(|\\[|-|$))",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
      "(undeliver(ed|able)|returned mail|mail delivery (failed|failure|subsystem)|delivery status notification"
          + "|delivery (failure|failed|has failed)|failure notice|non remis|unzustellbar|nicht zustellbar"
          + "|message not delivered|could not be delivered|delivery notification: delivery has failed)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DAEMON = Pattern.compile(
      "^(mailer-daemon|postmaster|mail-daemon|mailerdaemon|mdaemon)(@|$)", Pattern.CASE_INSENSITIVE);

  private AutomaticMailDetector() {
  }

  /**
   * Classifies a message.
   *
   * @param headers the top-level headers, decoded
   * @param from the From mailbox, or null
   * @param returnPath the Return-Path address ("" for the null sender, null when absent)
   * @param subject the decoded subject, or null
   * @param reportType the report-type of a top-level multipart/report, lower-cased, or null
   */
  public static AutomaticMail detect(List<MailHeader> headers, MailAddress from, String returnPath,
      String subject, String reportType) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    List<String> reasons = new ArrayList<>();
    if ("delivery-status".equals(reportType)) {
      found(kinds, reasons, Kind.BOUNCE, "Content-Type: multipart/report; report-type=delivery-status");
    } else if (reportType != null) {
      found(kinds, reasons, Kind.AUTO_GENERATED, "Content-Type: multipart/report; report-type=" + reportType);
    }
    for (MailHeader header : headers) {
      fromHeader(header, kinds, reasons);
    }
    fromSender(from, returnPath, subject, kinds, reasons);
    if (subject != null && OUT_OF_OFFICE.matcher(subject.strip()).find()) {
      found(kinds, reasons, Kind.OUT_OF_OFFICE, "Subject: " + subject.strip());
    }
    Kind kind = PRIORITY.stream().filter(kinds::contains).findFirst().orElse(Kind.NONE);
    if (kind != Kind.NONE) {
      headers.stream().filter(h -> h.is("X-Auto-Response-Suppress")).findFirst()
          .ifPresent(h -> reasons.add("X-Auto-Response-Suppress: " + h.value() + " (hint)"));
    }
    return kind == Kind.NONE ? AutomaticMail.NONE : new AutomaticMail(kind, reasons);
  }

  private static void fromHeader(MailHeader header, Set<Kind> kinds, List<String> reasons) {
    String value = header.value() == null ? "" : header.value().strip();
    String lower = value.toLowerCase(Locale.ROOT);
    String reason = header.name() + ": " + value;
    switch (header.name().toLowerCase(Locale.ROOT)) {
      case "auto-submitted" -> {
        if (!lower.isEmpty() && !lower.startsWith("no")) {
          found(kinds, reasons, lower.startsWith("auto-replied") ? Kind.AUTO_REPLY : Kind.AUTO_GENERATED, reason);
        }
      }
      case "precedence", "x-precedence" -> {
        if (lower.startsWith("bulk") || lower.startsWith("junk")) {
          found(kinds, reasons, Kind.BULK, reason);
        } else if (lower.startsWith("list")) {
          found(kinds, reasons, Kind.LIST, reason);
        } else if (lower.startsWith("auto_reply") || lower.startsWith("auto-reply")) {
          found(kinds, reasons, Kind.AUTO_REPLY, reason);
        }
      }
      case "list-id" -> found(kinds, reasons, Kind.LIST, reason);
      case "list-unsubscribe" -> found(kinds, reasons, Kind.BULK, reason);
      case "x-autoreply", "x-autorespond", "x-autoresponse", "x-autoreply-from", "x-mail-autoreply" -> {
        if (!lower.equals("no") && !lower.equals("false")) {
          found(kinds, reasons, Kind.AUTO_REPLY, reason);
        }
      }
      case "x-autogenerated" -> found(kinds, reasons,
          lower.contains("reply") ? Kind.AUTO_REPLY : Kind.AUTO_GENERATED, reason);
      case "x-failed-recipients" -> found(kinds, reasons, Kind.BOUNCE, reason);
      default -> { }
    }
  }

  private static void fromSender(MailAddress from, String returnPath, String subject, Set<Kind> kinds,
      List<String> reasons) {
    boolean nullSender = returnPath != null && returnPath.isEmpty();
    boolean daemon = from != null && DAEMON.matcher(from.address()).find();
    boolean bounceSubject = subject != null && BOUNCE_SUBJECT.matcher(subject).find();
    if (bounceSubject && (daemon || nullSender)) {
      found(kinds, reasons, Kind.BOUNCE, "Subject: " + subject.strip());
    }
    if (daemon) {
      found(kinds, reasons, Kind.AUTO_GENERATED, "From: " + from.address());
    }
    if (nullSender) {
      found(kinds, reasons, Kind.AUTO_GENERATED, "Return-Path: <>");
    }
  }

  private static void found(Set<Kind> kinds, List<String> reasons, Kind kind, String reason) {
    kinds.add(kind);
    reasons.add(reason.length() > 200 ? reason.substring(0, 200) + "…" : reason);
  }
}
