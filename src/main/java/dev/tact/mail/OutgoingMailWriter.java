package dev.tact.mail;

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

/** Writes an {@link OutgoingMail} as MIME: text, or text and HTML as alternatives, with threading headers. */
public final class OutgoingMailWriter {

  private static final Session SESSION = Session.getInstance(new Properties());

  private OutgoingMailWriter() {}

  public static byte[] write(OutgoingMail mail) {
    try {
      MimeMessage message = new FixedIdMessage(mail.messageId());
      message.setFrom(address(mail.from()));
      for (MailAddress to : mail.to()) {
        message.addRecipient(Message.RecipientType.TO, address(to));
      }
      // A message outside any conversation (a notice, number 0) keeps its subject as written.
      message.setSubject(mail.conversationNumber() > 0
          ? MailThreading.replySubject(mail.subject(), mail.conversationNumber()) : mail.subject(), "UTF-8");
      message.setSentDate(Date.from(mail.date()));
      if (mail.inReplyTo() != null) {
        message.setHeader("In-Reply-To", "<" + mail.inReplyTo() + ">");
      }
      if (!mail.references().isEmpty()) {
        message.setHeader("References", mail.references().stream().map(id -> "<" + id + ">")
            .collect(Collectors.joining(" ")));
      }
      if (mail.automatic()) {
        message.setHeader("Auto-Submitted", "auto-generated");
      }
      if (mail.html() == null) {
        message.setText(mail.text(), "UTF-8");
      } else {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", text, html));
      }
      message.saveChanges();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      return out.toByteArray();
    } catch (MessagingException | IOException e) {
      throw new IllegalArgumentException("The mail cannot be written: " + e.getMessage(), e);
    }
  }

  private static InternetAddress address(MailAddress address) throws UnsupportedEncodingException {
    return new InternetAddress(address.address(), address.name(), StandardCharsets.UTF_8.name());
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
