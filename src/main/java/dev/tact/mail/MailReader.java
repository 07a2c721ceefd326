package dev.tact.mail;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads an email the way an experienced agent does: parses the MIME, finds the new text of a
 * reply, recognises a forward (inline or attached) with its original sender, the threading
 * keys, and whether the trusted receiving host authenticated its sender. Thread-safe.
 */
@Component
public class MailReader {

  private static final Pattern FORWARD_SUBJECT = Pattern.compile("^\\s*(fwd?|wg|tr|rv|enc|fs|vs|doorst)\\s*:",
      Pattern.CASE_INSENSITIVE);

  private final MailParser parser;
  private final ReplyExtractor replies = new ReplyExtractor();
  private final ForwardDetector forwards = new ForwardDetector();
  private final SenderAuthenticator authenticator;

  public MailReader(MailProperties properties) {
    this.authenticator = new SenderAuthenticator(properties.authentication());
    MailLimits defaults = MailLimits.defaults();
    this.parser = new MailParser(new MailLimits(defaults.maxBytes(), properties.maxDepth(), properties.maxParts(),
        defaults.maxHeaderBytes(), defaults.maxDecodedBytes()));
  }

  public ReadMail read(byte[] raw) throws UnparseableMailException {
    ParsedMail mail = parser.parse(raw);
    String full = mail.text() == null ? "" : mail.text();
    ReplyParts reply = replies.extract(full);
    String newText = reply.visible().isBlank() ? full.strip() : reply.visible();
    Optional<ForwardedMessage> forwarded = forwards.detect(mail.subject(), full)
        .or(() -> attachedForward(mail, newText));
    String bounced = mail.deliveryReport() == null ? null : mail.deliveryReport().originalMessageId();
    SenderAuthentication authentication = authenticator.authenticate(mail.headers(),
        mail.from() == null ? null : mail.from().address());
    return new ReadMail(mail, newText, full, forwarded, MailThreading.repliesTo(mail),
        MailThreading.subjectNumber(mail.subject()), bounced, authentication);
  }

  /** A message that carries the mail it forwards as an attached message/rfc822 part. */
  private static Optional<ForwardedMessage> attachedForward(ParsedMail mail, String comment) {
    if (mail.attachedMessages().size() != 1 || mail.automatic().isAutomatic()) {
      return Optional.empty();
    }
    boolean forwardSubject = mail.subject() != null && FORWARD_SUBJECT.matcher(mail.subject()).find();
    if (!forwardSubject && !comment.isBlank()) {
      return Optional.empty();
    }
    ParsedMail original = mail.attachedMessages().getFirst();
    if (original.from() == null) {
      return Optional.empty();
    }
    String date = original.date() == null ? null : original.date().toString();
    return Optional.of(new ForwardedMessage(original.from().address(), original.from().name(), date, original.date(),
        original.subject(), original.text() == null ? "" : original.text().strip(), comment));
  }
}
