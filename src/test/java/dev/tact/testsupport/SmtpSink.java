package dev.tact.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal SMTP server on 127.0.0.1 for tests and the delivery benchmark: it accepts what it is
 * sent and can be told how to answer each RCPT TO (e.g. 451 the first time, 550 for one address),
 * which GreenMail cannot. It keeps each accepted message's Message-ID (and, when asked, its bytes).
 * Written for Tact's tests: speaks only what a Jakarta Mail client needs (EHLO, MAIL, RCPT, DATA,
 * RSET, NOOP, QUIT), STARTTLS only when {@link #offerStartTls} gave it a certificate, no AUTH.
 */
public final class SmtpSink implements AutoCloseable {

  /**
   * One accepted message: the recipients and its Message-ID (bytes kept only when {@code keepContent}), and
   * whether it came over a connection secured with STARTTLS.
   */
  public record Received(List<String> recipients, String messageId, byte[] content, boolean secured) {}

  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>");

  private final ServerSocket server;
  private final boolean keepContent;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<String, Integer> rcptSeen = new ConcurrentHashMap<>();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rcptCommands = new AtomicLong();
  private final AtomicLong firstAccepted = new AtomicLong();
  private final AtomicLong lastAccepted = new AtomicLong();
  private volatile Function<RcptContext, String> rcptReply = ctx -> "250 2.1.5 OK";
  private volatile boolean open = true;
  private volatile javax.net.ssl.SSLContext startTls;

  /** The address and how many times it was named in RCPT TO before (0 the first time). */
  public record RcptContext(String address, int seenBefore) {}

  public SmtpSink(boolean keepContent) {
    this.keepContent = keepContent;
    try {
      server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Thread.ofPlatform().daemon().name("smtp-sink-accept").start(this::acceptLoop);
  }

  /** From now on EHLO offers STARTTLS, and the connection is secured with this context's certificate. */
  public void offerStartTls(javax.net.ssl.SSLContext context) {
    this.startTls = context;
  }

  public int port() {
    return server.getLocalPort();
  }

  /** How RCPT TO is answered: a whole reply line such as {@code "451 4.3.0 try later"}. */
  public void answerRcpt(Function<RcptContext, String> reply) {
    this.rcptReply = reply;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public long acceptedCount() {
    return accepted.get();
  }

  /** {@link System#nanoTime()} when the first message was accepted (0: none yet). */
  public long firstAcceptedNanos() {
    return firstAccepted.get();
  }

  /** {@link System#nanoTime()} when the latest message was accepted. */
  public long lastAcceptedNanos() {
    return lastAccepted.get();
  }

  public long rcptCommands() {
    return rcptCommands.get();
  }

  private void acceptLoop() {
    while (open) {
      try {
        Socket socket = server.accept();
        Thread.ofPlatform().daemon().name("smtp-sink-session").start(() -> session(socket));
      } catch (IOException e) {
        if (!open) {
          return;
        }
      }
    }
  }

  private void session(Socket socket) {
    try (socket) {
      InputStream raw = new Unlocked(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      javax.net.ssl.SSLContext tls = startTls;
      boolean secured = false;
      write(out, "220 sink.test ESMTP\r\n");
      String from = null;
      List<String> recipients = new java.util.ArrayList<>();
      String line;
      while ((line = readLine(raw)) != null) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("EHLO")) {
          write(out, "250-sink.test\r\n" + (tls != null && !secured ? "250-STARTTLS\r\n" : "")
              + "250-8BITMIME\r\n250-PIPELINING\r\n250 SIZE 52428800\r\n");
        } else if (upper.equals("STARTTLS") && tls != null && !secured) {
          write(out, "220 2.0.0 ready to start TLS\r\n");
          javax.net.ssl.SSLSocket ssl = (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket(socket,
              socket.getInetAddress().getHostAddress(), socket.getPort(), true);
          ssl.setUseClientMode(false);
          ssl.startHandshake();
          raw = new Unlocked(ssl.getInputStream());
          out = ssl.getOutputStream();
          secured = true;
          from = null;
          recipients.clear();
        } else if (upper.startsWith("HELO")) {
          write(out, "250 sink.test\r\n");
        } else if (upper.startsWith("MAIL FROM")) {
          from = line;
          recipients.clear();
          write(out, "250 2.1.0 OK\r\n");
        } else if (upper.startsWith("RCPT TO")) {
          rcptCommands.incrementAndGet();
          String address = line.substring(line.indexOf(':') + 1).strip().replaceAll("^<|>.*$", "")
              .toLowerCase(Locale.ROOT);
          int before = rcptSeen.merge(address, 1, Integer::sum) - 1;
          String reply = rcptReply.apply(new RcptContext(address, before));
          if (reply.startsWith("2")) {
            recipients.add(address);
          }
          write(out, reply + "\r\n");
        } else if (upper.startsWith("DATA")) {
          if (from == null || recipients.isEmpty()) {
            write(out, "503 5.5.1 need MAIL and RCPT first\r\n");
            continue;
          }
          write(out, "354 go ahead\r\n");
          byte[] content = readData(raw);
          Matcher m = MESSAGE_ID.matcher(new String(content, 0, Math.min(content.length, 8192),
              StandardCharsets.ISO_8859_1));
          received.add(new Received(List.copyOf(recipients), m.find() ? m.group(1) : null,
              keepContent ? content : null, secured));
          long at = System.nanoTime();
          firstAccepted.compareAndSet(0, at);
          lastAccepted.accumulateAndGet(at, Math::max);
          accepted.incrementAndGet();
          from = null;
          recipients.clear();
          write(out, "250 2.0.0 queued\r\n");
        } else if (upper.startsWith("RSET")) {
          from = null;
          recipients.clear();
          write(out, "250 2.0.0 OK\r\n");
        } else if (upper.startsWith("NOOP")) {
          write(out, "250 2.0.0 OK\r\n");
        } else if (upper.startsWith("QUIT")) {
          write(out, "221 2.0.0 bye\r\n");
          return;
        } else {
          write(out, "502 5.5.2 not implemented\r\n");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void write(OutputStream out, String reply) throws IOException {
    out.write(reply.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  /** Reads DATA up to the line holding a single dot, undoing dot-stuffing. */
  private static byte[] readData(InputStream in) throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream(4096);
    String line;
    while ((line = readLine(in)) != null) {
      if (line.equals(".")) {
        break;
      }
      data.writeBytes((line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1));
      data.write('\r');
      data.write('\n');
    }
    return data.toByteArray();
  }

  /** A read buffer without a lock per byte (BufferedInputStream locks on every read()). */
  private static final class Unlocked extends InputStream {

    private final InputStream in;
    private final byte[] buffer = new byte[65536];
    private int position;
    private int limit;

    Unlocked(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return -1;
        }
      }
      return buffer[position++] & 0xFF;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  @Override
  public void close() {
    open = false;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
