package dev.tact.intake.smtp;

import dev.tact.intake.IntakeProperties;
import dev.tact.intake.Mailboxes;
import dev.tact.intake.MessageIntake;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tact's own SMTP/LMTP server for mail servers that deliver to it (e.g. Postfix with an LMTP or
 * SMTP transport). One virtual thread per connection, a bounded number of connections; no TLS
 * and no AUTH, so it listens on loopback unless told otherwise. Only the configured mailboxes'
 * addresses are accepted as recipients.
 */
@Component
public class SmtpListener implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SmtpListener.class);

  private final SmtpProperties settings;
  private final Mailboxes mailboxes;
  private final MessageIntake intake;
  private final long maxBytes;
  private final String hostname;
  private final Set<SmtpSession> sessions = ConcurrentHashMap.newKeySet();
  private final Semaphore connections;
  private volatile boolean running;
  private volatile boolean stopping;
  private ServerSocket server;
  private Thread acceptor;

  SmtpListener(SmtpProperties settings, Mailboxes mailboxes, MessageIntake intake, IntakeProperties intakeProperties) {
    this.settings = settings;
    this.mailboxes = mailboxes;
    this.intake = intake;
    this.maxBytes = intakeProperties.maxMailBytes();
    this.hostname = settings.hostname().isBlank() ? localHostName() : settings.hostname().strip();
    this.connections = new Semaphore(Math.max(1, settings.maxConnections()));
  }

  /** The port listened on (useful with port 0), or -1 when not listening. */
  public int port() {
    ServerSocket s = server;
    return s == null ? -1 : s.getLocalPort();
  }

  boolean stopping() {
    return stopping;
  }

  void ended(SmtpSession session) {
    if (sessions.remove(session)) {
      connections.release();
    }
  }

  private void acceptLoop() {
    while (running) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (running) {
          log.warn("SMTP listener could not accept a connection: {}", e.getMessage());
        }
        continue;
      }
      if (!connections.tryAcquire()) {
        refuse(socket, "421 4.3.2 " + hostname + " Too many connections, try again later");
        continue;
      }
      SmtpSession session = new SmtpSession(socket, settings, hostname, maxBytes, mailboxes, intake, this);
      sessions.add(session);
      Thread.ofVirtual().name("smtp-session").start(session);
    }
  }

  private static void refuse(Socket socket, String line) {
    try (socket; OutputStream out = socket.getOutputStream()) {
      out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      log.debug("Could not refuse an SMTP connection politely", e);
    }
  }

  @Override
  public void start() {
    if (!settings.enabled() || running) {
      return;
    }
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 100);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen for " + settings.protocol() + " on " + settings.bindAddress()
          + ":" + settings.port(), e);
    }
    running = true;
    stopping = false;
    acceptor = Thread.ofPlatform().name("smtp-acceptor").daemon(true).start(this::acceptLoop);
    log.info("{} listener on {}:{} for the configured mailboxes", settings.protocol(), settings.bindAddress(), port());
  }

  /**
   * Stops accepting connections first, closes the idle ones, lets transactions in progress end
   * (up to {@code stop-timeout}; each is answered before its connection closes), then closes the rest.
   */
  @Override
  public void stop() {
    if (!running) {
      return;
    }
    running = false;
    stopping = true;
    try {
      server.close();
      acceptor.join(1000);
    } catch (IOException e) {
      log.debug("Closing the SMTP listener failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long deadline = System.nanoTime() + settings.stopTimeout().toNanos();
    while (!sessions.isEmpty() && System.nanoTime() < deadline) {
      sessions.forEach(SmtpSession::closeIfIdle);
      try {
        Thread.sleep(20); // waiting for client transactions to finish; nothing to be notified by
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    sessions.forEach(SmtpSession::forceClose);
    server = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 200; // starts after, and stops before, the inbound log
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "tact";
    }
  }
}
