package dev.tact.mail;

import dev.tact.shared.ControlCharacters;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Writes an {@link OutgoingMail} as MIME: text, or text and HTML as alternatives, with threading headers.
 * Every header value is checked on its own: one holding CR or LF is refused with an
 * {@link UnsafeHeaderException}, whatever checked it before (it would add header fields or a body).
 */
public final class OutgoingMailWriter {

  /**
   * Jakarta Mail looks its StreamProvider up for every body part it writes, through the ServiceLoader unless this
   * property names the class: in the packaged jar that scan of every nested jar cost tens of milliseconds a part (a
   * batch of 1,000 notices took over a minute). Named, the lookup is a Class.forName. An operator's own choice wins.
   */
  static {
    if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
      System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private static final Session SESSION = Session.getInstance(new Properties());

  private OutgoingMailWriter() {}

  /**
   * The MIME bytes of the mail.
   *
   * @throws UnsafeHeaderException when a header value (an address, a name, the subject, a Message-ID) holds CR or LF
   */
  public static byte[] write(OutgoingMail mail) {
    try {
      MimeMessage message = new FixedIdMessage(requireSingleLine("Message-ID", mail.messageId()));
      message.setFrom(address("From", mail.from()));
      for (MailAddress to : mail.to()) {
        message.addRecipient(Message.RecipientType.TO, address("To", to));
      }
      for (MailAddress cc : mail.cc()) {
        message.addRecipient(Message.RecipientType.CC, address("Cc", cc));
      }
      // A message outside any conversation (a notice, number 0) keeps its subject as written.
      message.setSubject(requireSingleLine("Subject", mail.conversationNumber() > 0
          ? MailThreading.replySubject(mail.subject(), mail.conversationNumber()) : mail.subject()), "UTF-8");
      message.setSentDate(Date.from(mail.date()));
      if (mail.inReplyTo() != null) {
        message.setHeader("In-Reply-To", "<" + requireSingleLine("In-Reply-To", mail.inReplyTo()) + ">");
      }
      if (!mail.references().isEmpty()) {
        message.setHeader("References", mail.references().stream()
            .map(id -> "<" + requireSingleLine("References", id) + ">").collect(Collectors.joining(" ")));
      }
      if (mail.automatic()) {
        message.setHeader("Auto-Submitted", "auto-generated");
      }
      if (!mail.attachments().isEmpty()) {
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        writeBody(body, mail);
        mixed.addBodyPart(body);
        for (OutgoingMail.Attachment a : mail.attachments()) {
          MimeBodyPart part = new MimeBodyPart();
          part.setDataHandler(new jakarta.activation.DataHandler(
              new jakarta.mail.util.ByteArrayDataSource(a.content(), requireSingleLine("Content-Type",
                  a.contentType()))));
          part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(requireSingleLine("filename", a.filename()),
              "UTF-8", null));
          part.setDisposition(MimeBodyPart.ATTACHMENT);
          mixed.addBodyPart(part);
        }
        message.setContent(mixed);
      } else {
        writeBody(message, mail);
      }
      message.saveChanges();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      return out.toByteArray();
    } catch (MessagingException | IOException e) {
      throw new IllegalArgumentException("The mail cannot be written: " + e.getMessage(), e);
    }
  }

  /** The text, or text and HTML as alternatives, into a message or a part of one. */
  private static void writeBody(jakarta.mail.internet.MimePart target, OutgoingMail mail) throws MessagingException {
    if (mail.html() == null) {
      target.setText(mail.text(), "UTF-8");
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), "UTF-8");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), "UTF-8", "html");
      target.setContent(new MimeMultipart("alternative", text, html));
    }
  }

  /**
   * The value, when it can be written as (part of) the header field {@code header}.
   *
   * @throws UnsafeHeaderException when it holds CR or LF
   */
  public static String requireSingleLine(String header, String value) {
    if (ControlCharacters.hasLineBreak(value)) {
      throw new UnsafeHeaderException("The " + header + " header would contain a line break (CR or LF), which "
          + "could add header fields or a body of its own; the mail was not written.");
    }
    return value;
  }

  private static InternetAddress address(String header, MailAddress address) throws UnsupportedEncodingException {
    return new InternetAddress(requireSingleLine(header, address.address()), requireSingleLine(header, address.name()),
        StandardCharsets.UTF_8.name());
  }

  /** Keeps the Message-ID Tact chose; Jakarta Mail would otherwise make its own on saveChanges. */
  private static final class FixedIdMessage extends MimeMessage {

    private final String messageId;

    FixedIdMessage(String messageId) {
      super(SESSION);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<" + messageId + ">");
    }
  }
}
