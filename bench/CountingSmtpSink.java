import java.io.ByteArrayOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP sink for bench/nodes.sh: listens on 127.0.0.1, accepts every message it is sent and writes one line per
 * accepted message to the output file (its Message-ID, a tab, its recipients), flushed before the 250 that accepts
 * it, so that a message the sender saw accepted is always counted. Speaks only what Jakarta Mail needs (EHLO, HELO,
 * MAIL, RCPT, DATA, RSET, NOOP, QUIT); no TLS, no AUTH.
 *
 * <pre>
 * java bench/CountingSmtpSink.java --port 18125 --out received.txt
 * </pre>
 */
public class CountingSmtpSink {

  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>");

  private final PrintWriter out;

  private CountingSmtpSink(PrintWriter out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    int port = 0;
    Path file = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--out" -> file = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (file == null) {
      throw new IllegalArgumentException("--out is needed");
    }
    CountingSmtpSink sink = new CountingSmtpSink(new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)));
    try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress())) {
      System.out.println("SINK listening on 127.0.0.1:" + server.getLocalPort());
      while (true) {
        Socket socket = server.accept();
        Thread.ofVirtual().start(() -> sink.session(socket));
      }
    }
  }

  private synchronized void record(String messageId, String recipients) {
    out.println(messageId + "\t" + recipients);
    out.flush();
  }

  private void session(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream reply = socket.getOutputStream();
      write(reply, "220 sink ESMTP\r\n");
      boolean from = false;
      StringBuilder recipients = new StringBuilder();
      String line;
      while ((line = readLine(in)) != null) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("EHLO")) {
          write(reply, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n");
        } else if (upper.startsWith("HELO")) {
          write(reply, "250 sink\r\n");
        } else if (upper.startsWith("MAIL FROM")) {
          from = true;
          recipients.setLength(0);
          write(reply, "250 2.1.0 OK\r\n");
        } else if (upper.startsWith("RCPT TO")) {
          recipients.append(recipients.isEmpty() ? "" : ",")
              .append(line.substring(line.indexOf(':') + 1).strip().replaceAll("^<|>.*$", ""));
          write(reply, "250 2.1.5 OK\r\n");
        } else if (upper.startsWith("DATA")) {
          if (!from || recipients.isEmpty()) {
            write(reply, "503 5.5.1 need MAIL and RCPT first\r\n");
            continue;
          }
          write(reply, "354 go ahead\r\n");
          byte[] content = readData(in);
          Matcher m = MESSAGE_ID.matcher(new String(content, 0, Math.min(content.length, 16384),
              StandardCharsets.ISO_8859_1));
          record(m.find() ? m.group(1) : "-", recipients.toString());
          from = false;
          recipients.setLength(0);
          write(reply, "250 2.0.0 queued\r\n");
        } else if (upper.startsWith("RSET")) {
          from = false;
          recipients.setLength(0);
          write(reply, "250 2.0.0 OK\r\n");
        } else if (upper.startsWith("NOOP")) {
          write(reply, "250 2.0.0 OK\r\n");
        } else if (upper.startsWith("QUIT")) {
          write(reply, "221 2.0.0 bye\r\n");
          return;
        } else {
          write(reply, "502 5.5.2 not implemented\r\n");
        }
      }
    } catch (IOException e) {
      // the client went away (e.g. a node killed mid-send): what it had not finished is not counted
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
    return null;
  }

  /** The DATA section up to the line holding a single dot, dot-stuffing undone. */
  private static byte[] readData(InputStream in) throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream(4096);
    String line;
    while ((line = readLine(in)) != null) {
      if (line.equals(".")) {
        return data.toByteArray();
      }
      data.write((line.startsWith("..") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1));
      data.write('\r');
      data.write('\n');
    }
    throw new IOException("the connection ended inside DATA");
  }
}
