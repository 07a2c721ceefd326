package dev.tact.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * One SMTP connection to the relay, kept open between messages for throughput and opened again
 * after any failure. Not thread-safe: each dispatcher thread has its own.
 */
class SmtpConnection implements AutoCloseable {

  private final DeliveryProperties.Smtp smtp;
  private final Session session;
  private final String protocol;
  private Transport transport;

  SmtpConnection(DeliveryProperties.Smtp smtp, String envelopeSender) {
    this.smtp = smtp;
    this.protocol = smtp.security() == DeliveryProperties.Security.SMTPS ? "smtps" : "smtp";
    Properties p = new Properties();
    String prefix = "mail." + protocol + ".";
    String timeout = String.valueOf(smtp.timeout().toMillis());
    p.put(prefix + "host", smtp.host());
    p.put(prefix + "port", String.valueOf(smtp.port()));
    p.put(prefix + "connectiontimeout", timeout);
    p.put(prefix + "timeout", timeout);
    p.put(prefix + "writetimeout", timeout);
    p.put(prefix + "from", envelopeSender);
    p.put(prefix + "auth", String.valueOf(!smtp.username().isBlank()));
    switch (smtp.security()) {
      case STARTTLS -> p.put(prefix + "starttls.enable", "true");
      case STARTTLS_REQUIRED -> {
        p.put(prefix + "starttls.enable", "true");
        p.put(prefix + "starttls.required", "true");
      }
      case SMTPS -> p.put(prefix + "ssl.enable", "true");
      case NONE -> { }
    }
    if (smtp.security() != DeliveryProperties.Security.NONE) {
      p.put(prefix + "ssl.checkserveridentity", "true");
    }
    this.session = Session.getInstance(p);
  }

  /** Sends the message bytes as they are (Message-ID included) to one recipient. */
  SendOutcome send(byte[] content, String recipient) {
    Address[] to;
    try {
      to = new Address[] {new InternetAddress(recipient, true)};
    } catch (AddressException e) {
      return SendOutcome.permanentFailure(null, "Not a valid address: " + recipient);
    }
    try {
      Transport open = connected();
      // sendMessage, unlike Transport.send, does not call saveChanges: the bytes keep their Message-ID.
      open.sendMessage(new MimeMessage(session, new ByteArrayInputStream(content)), to);
      return SendOutcome.sent();
    } catch (MessagingException e) {
      close();
      return classify(e);
    } catch (RuntimeException e) {
      close();
      return SendOutcome.transientFailure(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private Transport connected() throws MessagingException {
    if (transport == null || !transport.isConnected()) {
      close();
      Transport t = session.getTransport(protocol);
      if (smtp.username().isBlank()) {
        t.connect();
      } else {
        t.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
      }
      transport = t;
    }
    return transport;
  }

  /** The reply code of the first SMTP failure in the chain decides; without one it is a connection problem. */
  static SendOutcome classify(MessagingException e) {
    Throwable t = e;
    int guard = 0;
    while (t != null && guard++ < 10) {
      if (t instanceof SMTPAddressFailedException f) {
        return SendOutcome.failure(f.getReturnCode(), text(f.getMessage()));
      }
      if (t instanceof SMTPSenderFailedException f) {
        return SendOutcome.failure(f.getReturnCode(), text(f.getMessage()));
      }
      if (t instanceof SMTPSendFailedException f) {
        return SendOutcome.failure(f.getReturnCode(), text(f.getMessage()));
      }
      Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
          : t.getCause();
      if (t instanceof SendFailedException s && s.getNextException() == null && s.getInvalidAddresses() != null
          && s.getInvalidAddresses().length > 0) {
        return SendOutcome.permanentFailure(null, text(s.getMessage()));
      }
      t = next == t ? null : next;
    }
    return SendOutcome.transientFailure(null, "SMTP connection: " + text(e.getMessage()));
  }

  private static String text(String message) {
    return message == null ? "(no message)" : message.strip().replaceAll("\\s+", " ");
  }

  @Override
  public void close() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException ignored) {
        // the connection is being dropped anyway
      }
      transport = null;
    }
  }
}
