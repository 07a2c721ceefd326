package dev.tact.delivery;

import dev.tact.mail.TlsTrust;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP connection to the relay, kept open between messages for throughput and opened again
 * after any failure. Not thread-safe: each dispatcher thread has its own.
 */
class SmtpConnection implements AutoCloseable {

  private final DeliveryProperties.Smtp smtp;
  private final Session session;
  private final String protocol;
  private Transport transport;
  private String lastReply;

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
      TlsTrust.apply(p, prefix, smtp.sslTrust(), smtp.host());
    }
    this.session = Session.getInstance(p);
  }

  /**
   * Sends the message bytes as they are (Message-ID included) to one recipient; {@code envelopeSender}
   * (MAIL FROM) when given, else the connection's.
   */
  SendOutcome send(byte[] content, String envelopeSender, String recipient) {
    return send(content, envelopeSender, recipient, java.util.List.of());
  }

  /** The same to the recipient and {@code copies} (a reply's CC and BCC) in one SMTP transaction. */
  SendOutcome send(byte[] content, String envelopeSender, String recipient, java.util.List<String> copies) {
    if (dev.tact.shared.ControlCharacters.hasLineBreak(envelopeSender)
        || dev.tact.shared.ControlCharacters.hasLineBreak(recipient)
        || copies.stream().anyMatch(dev.tact.shared.ControlCharacters::hasLineBreak)) {
      // would end the SMTP command line and start another one
      return SendOutcome.permanentFailure(null, "The envelope sender or recipient contains a line break.");
    }
    Address[] to = new Address[1 + copies.size()];
    String current = recipient;
    try {
      to[0] = new InternetAddress(recipient, true);
      for (int i = 0; i < copies.size(); i++) {
        current = copies.get(i);
        to[i + 1] = new InternetAddress(current, true);
      }
    } catch (AddressException e) {
      return SendOutcome.permanentFailure(null, "Not a valid address: " + current);
    }
    try {
      Transport open = connected();
      // sendMessage, unlike Transport.send, does not call saveChanges: the bytes keep their Message-ID.
      SMTPMessage message = new SMTPMessage(session, new ByteArrayInputStream(content));
      if (envelopeSender != null && !envelopeSender.isBlank()) {
        message.setEnvelopeFrom(envelopeSender);
      }
      open.sendMessage(message, to);
      String last = open instanceof SMTPTransport smtpTransport ? smtpTransport.getLastServerResponse() : null;
      lastReply = last == null || last.isBlank() ? null : text(last);
      return SendOutcome.sent();
    } catch (MessagingException e) {
      close();
      return classify(e);
    } catch (RuntimeException e) {
      close();
      return SendOutcome.transientFailure(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The relay's reply to the last message it accepted over this connection (e.g. "250 2.0.0 queued as 4F2A"). */
  String lastReply() {
    return lastReply;
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

  /**
   * The reply code of the first SMTP failure in the chain decides; without one it is a connection problem.
   * A refused login (530/535) or a failed TLS handshake is Tact's configuration, not the recipient's fault:
   * retried like a connection problem, with no reply code, so that it never counts as a hard bounce.
   */
  static SendOutcome classify(MessagingException e) {
    if (e instanceof AuthenticationFailedException) {
      return SendOutcome.transientFailure(null, "SMTP login refused: " + text(e.getMessage())
          + " (check the relay's user name and password on Admin → Sending mail, or tact.delivery.smtp.username "
          + "and password)");
    }
    Throwable t = e;
    int guard = 0;
    while (t != null && guard++ < 10) {
      if (t instanceof javax.net.ssl.SSLHandshakeException ssl) {
        return SendOutcome.transientFailure(null, "SMTP TLS: " + text(ssl.getMessage())
            + " (for a self-signed or internal certificate, name the host in tact.delivery.smtp.ssl-trust)");
      }
      if (t instanceof SMTPAddressFailedException f) {
        return replied(f.getReturnCode(), f.getMessage());
      }
      if (t instanceof SMTPSenderFailedException f) {
        return replied(f.getReturnCode(), f.getMessage());
      }
      if (t instanceof SMTPSendFailedException f) {
        return replied(f.getReturnCode(), f.getMessage());
      }
      Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
          : t.getCause();
      if (t instanceof SendFailedException s && s.getNextException() == null && s.getInvalidAddresses() != null
          && s.getInvalidAddresses().length > 0) {
        return SendOutcome.permanentFailure(null, text(s.getMessage()));
      }
      t = next == t ? null : next;
    }
    return SendOutcome.transientFailure(null, "SMTP connection: " + text(e.getMessage()) + because(e));
  }

  /** A peer's reply decides by its class, except 530/535: the relay wants a (valid) login, which is no bounce. */
  private static SendOutcome replied(int code, String message) {
    if (code == 530 || code == 535) {
      return SendOutcome.transientFailure(null, "SMTP relay requires a login: " + text(message)
          + " (check the relay's user name and password on Admin → Sending mail, or tact.delivery.smtp.username "
          + "and password)");
    }
    return SendOutcome.failure(code, text(message));
  }

  /** The innermost cause (a refused socket, an unverifiable server name), which the outer message leaves out. */
  private static String because(MessagingException e) {
    Throwable root = e.getNextException() != null ? e.getNextException() : e.getCause();
    for (int depth = 0; root != null && root.getCause() != null && root.getCause() != root && depth < 10; depth++) {
      root = root.getCause();
    }
    return root == null || root.getMessage() == null || root.getMessage().equals(e.getMessage()) ? ""
        : " (" + text(root.getMessage()) + ")";
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
