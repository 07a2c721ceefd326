package dev.tact.intake.smtp;

import dev.tact.intake.Acknowledgement;
import dev.tact.intake.IncomingMail;
import dev.tact.intake.Mailbox;
import dev.tact.intake.Mailboxes;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.smtp.SmtpProperties.Protocol;
import dev.tact.shared.ProblemException;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection speaking SMTP (RFC 5321) or LMTP (RFC 2033). A message is answered
 * {@code 250} only after {@link MessageIntake#submitMail} has committed it to the inbound log.
 */
final class SmtpSession implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(SmtpSession.class);
  private static final int MAX_COMMAND_LINE = 2048;
  private static final int MAX_ERRORS = 20;
  private static final int IDLE = 0;
  private static final int BUSY = 1;
  private static final int CLOSED = 2;

  private final Socket socket;
  private final SmtpProperties settings;
  private final String hostname;
  private final long maxBytes;
  private final Mailboxes mailboxes;
  private final MessageIntake intake;
  private final SmtpListener listener;
  private final AtomicInteger state = new AtomicInteger(IDLE);
  private SmtpInput input;
  private OutputStream output;
  private boolean greeted;
  private String sender;
  private final List<String> recipients = new ArrayList<>();
  private UUID mailboxId;
  private int errors;

  SmtpSession(Socket socket, SmtpProperties settings, String hostname, long maxBytes, Mailboxes mailboxes,
      MessageIntake intake, SmtpListener listener) {
    this.socket = socket;
    this.settings = settings;
    this.hostname = hostname;
    this.maxBytes = maxBytes;
    this.mailboxes = mailboxes;
    this.intake = intake;
    this.listener = listener;
  }

  @Override
  public void run() {
    try (socket) {
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.idleTimeout().toMillis()));
      input = new SmtpInput(socket.getInputStream());
      output = new BufferedOutputStream(socket.getOutputStream());
      reply("220 " + hostname + (lmtp() ? " LMTP" : " ESMTP") + " Tact ready");
      while (true) {
        SmtpInput.Line line = input.readLine(MAX_COMMAND_LINE);
        if (line == null || !state.compareAndSet(IDLE, BUSY)) {
          return;
        }
        boolean goOn = line.tooLong() ? error("500 5.5.2 Line too long") : command(line.text());
        state.set(IDLE);
        if (!goOn) {
          return;
        }
        if (listener.stopping() && state.compareAndSet(IDLE, CLOSED)) {
          reply("421 4.3.2 " + hostname + " Service shutting down, try again later");
          return;
        }
      }
    } catch (SocketTimeoutException e) {
      quietly("421 4.4.2 " + hostname + " Idle for too long, closing connection");
    } catch (EOFException e) {
      log.debug("SMTP client left: {}", e.getMessage());
    } catch (IOException e) {
      log.debug("SMTP connection ended: {}", e.getMessage());
    } finally {
      state.set(CLOSED);
      listener.ended(this);
    }
  }

  /** Closes the connection unless a command is being handled; true when it was closed. */
  boolean closeIfIdle() {
    if (state.compareAndSet(IDLE, CLOSED)) {
      forceClose();
      return true;
    }
    return state.get() == CLOSED;
  }

  void forceClose() {
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("Closing an SMTP connection failed", e);
    }
  }

  /** Handles one command; false when the connection is to be closed. */
  private boolean command(String line) throws IOException {
    int space = line.indexOf(' ');
    String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
    String argument = space < 0 ? "" : line.substring(space + 1).strip();
    switch (verb) {
      case "EHLO", "HELO", "LHLO" -> hello(verb, argument);
      case "MAIL" -> mail(argument);
      case "RCPT" -> recipient(argument);
      case "DATA" -> data(argument);
      case "RSET" -> {
        reset();
        reply("250 2.0.0 Ok");
      }
      case "NOOP" -> reply("250 2.0.0 Ok");
      case "VRFY" -> reply("252 2.5.0 Cannot VRFY user, but will accept message for a configured mailbox");
      case "QUIT" -> {
        reply("221 2.0.0 " + hostname + " Bye");
        return false;
      }
      case "EXPN", "HELP", "ETRN", "TURN", "AUTH", "STARTTLS", "BDAT", "ATRN", "SEND", "SOML", "SAML" ->
          error("502 5.5.1 Command not implemented");
      default -> error("500 5.5.2 Command unrecognized");
    }
    return errors < MAX_ERRORS || closeForErrors();
  }

  private void hello(String verb, String domain) throws IOException {
    boolean rightVerb = lmtp() ? verb.equals("LHLO") : !verb.equals("LHLO");
    if (!rightVerb) {
      error(lmtp() ? "500 5.5.1 This is an LMTP server: use LHLO" : "500 5.5.2 Command unrecognized");
      return;
    }
    if (domain.isEmpty()) {
      error("501 5.5.4 " + verb + " needs a domain or address");
      return;
    }
    reset();
    greeted = true;
    if (verb.equals("HELO")) {
      reply("250 " + hostname);
      return;
    }
    reply("250-" + hostname + " Hello " + domain, "250-SIZE " + maxBytes, "250-8BITMIME", "250-PIPELINING",
        "250 ENHANCEDSTATUSCODES");
  }

  private void mail(String argument) throws IOException {
    if (!greeted) {
      error("503 5.5.1 Send " + (lmtp() ? "LHLO" : "EHLO") + " first");
      return;
    }
    if (sender != null) {
      error("503 5.5.1 Sender already given");
      return;
    }
    MailPath path = MailPath.parse(argument, "FROM:");
    if (path == null) {
      error("501 5.5.4 Syntax: MAIL FROM:<address>");
      return;
    }
    for (String parameter : path.parameters()) {
      String upper = parameter.toUpperCase(Locale.ROOT);
      if (upper.startsWith("SIZE=")) {
        Long size = parseSize(parameter.substring(5));
        if (size == null) {
          error("501 5.5.4 SIZE needs a number");
          return;
        }
        if (size > maxBytes) {
          error("552 5.3.4 Message size exceeds fixed maximum message size");
          return;
        }
      } else if (!upper.equals("BODY=7BIT") && !upper.equals("BODY=8BITMIME")) {
        error("555 5.5.4 Unsupported parameter " + parameter);
        return;
      }
    }
    if (!path.address().isEmpty() && !MailPath.plausible(path.address())) {
      error("553 5.1.7 Bad sender address syntax");
      return;
    }
    sender = path.address();
    reply("250 2.1.0 Ok");
  }

  private void recipient(String argument) throws IOException {
    if (sender == null) {
      error("503 5.5.1 Need MAIL before RCPT");
      return;
    }
    MailPath path = MailPath.parse(argument, "TO:");
    if (path == null || path.address().isEmpty()) {
      error("501 5.5.4 Syntax: RCPT TO:<address>");
      return;
    }
    if (!path.parameters().isEmpty()) {
      error("555 5.5.4 Unsupported parameter " + path.parameters().getFirst());
      return;
    }
    if (recipients.size() >= settings.maxRecipients()) {
      reply("452 4.5.3 Too many recipients");
      return;
    }
    Mailbox mailbox = MailPath.plausible(path.address()) ? mailboxes.findByAddress(path.address()).orElse(null)
        : null;
    if (mailbox == null) {
      error("550 5.1.1 <" + path.address() + ">: no such mailbox here");
      return;
    }
    if (mailboxId == null) {
      mailboxId = mailbox.id();
    }
    recipients.add(path.address());
    reply("250 2.1.5 Ok");
  }

  private void data(String argument) throws IOException {
    if (!argument.isEmpty()) {
      error("501 5.5.4 DATA takes no argument");
      return;
    }
    if (sender == null || recipients.isEmpty()) {
      error("503 5.5.1 " + (sender == null ? "Need MAIL first" : "No valid recipients"));
      return;
    }
    reply("354 End data with <CR><LF>.<CR><LF>");
    SmtpInput.Data data = input.readData(maxBytes);
    String answer = data.tooLarge() ? "552 5.3.4 Message size exceeds fixed maximum message size" : submit(data);
    String[] answers = new String[lmtp() ? recipients.size() : 1];
    java.util.Arrays.fill(answers, answer);
    reply(answers);
    reset();
  }

  /** Commits the message to the inbound log and says how that went, in SMTP terms. */
  private String submit(SmtpInput.Data data) {
    String via = lmtp() ? "lmtp" : "smtp";
    try {
      Acknowledgement ack = intake.submitMail(new IncomingMail(data.bytes(), via, mailboxId, sender, recipients,
          null));
      return "250 2.0.0 Ok: queued as " + ack.itemId();
    } catch (ProblemException e) {
      return switch (e.status()) {
        case 413 -> "552 5.3.4 Message size exceeds fixed maximum message size";
        case 429, 503 -> "451 4.3.0 Temporary failure storing the message, try again later";
        default -> "554 5.6.0 " + e.getMessage();
      };
    } catch (RuntimeException e) {
      log.error("Storing a message received over {} failed", via, e);
      return "451 4.3.0 Temporary failure storing the message, try again later";
    }
  }

  private static Long parseSize(String value) {
    try {
      long size = Long.parseLong(value);
      return size < 0 ? null : size;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void reset() {
    sender = null;
    recipients.clear();
    mailboxId = null;
  }

  private boolean lmtp() {
    return settings.protocol() == Protocol.LMTP;
  }

  private boolean error(String line) throws IOException {
    errors++;
    reply(line);
    return true;
  }

  private boolean closeForErrors() throws IOException {
    reply("421 4.7.0 " + hostname + " Too many errors, closing connection");
    return false;
  }

  private void reply(String... lines) throws IOException {
    for (String line : lines) {
      output.write(line.getBytes(StandardCharsets.US_ASCII));
      output.write('\r');
      output.write('\n');
    }
    output.flush();
  }

  private void quietly(String line) {
    try {
      reply(line);
    } catch (IOException e) {
      log.debug("Could not tell the SMTP client: {}", line);
    }
  }
}
