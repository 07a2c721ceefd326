package dev.tact.web.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 upload over a bare socket, for what a library client hides: it streams a body made up as it goes
 * (nothing of its size is ever held in memory) while reading the answer at the same time, and tells how many
 * body bytes had gone out when the answer came and when the server closed the connection.
 */
final class RawHttpUpload implements AutoCloseable {

  /** What came back: the status, the header block, the body, and the body bytes sent by the time it came. */
  record Answer(int status, String headers, String body, long sentWhenAnswered) {
    String header(String name) {
      for (String line : headers.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }
  }

  private static final int CHUNK = 64 * 1024;

  private final Socket socket;
  private final AtomicLong sent = new AtomicLong();
  private final CountDownLatch writerDone = new CountDownLatch(1);
  private final CountDownLatch mayFinish = new CountDownLatch(1);
  private volatile long sentWhenWriterStopped = -1;
  private volatile IOException writerFailure;

  private RawHttpUpload(Socket socket) {
    this.socket = socket;
  }

  /**
   * Starts a POST whose body is {@code prefix} followed by {@code filler} bytes, {@code total} bytes in all.
   * {@code declareLength}: with a Content-Length, else chunked. {@code pauseAfter}: stop sending after so many
   * bytes until {@link #finish()} (negative: never pause).
   */
  static RawHttpUpload start(int port, String path, String token, String contentType, byte[] prefix, byte filler,
      long total, boolean declareLength, long pauseAfter) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(60_000);
    RawHttpUpload upload = new RawHttpUpload(socket);
    StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n")
        .append("Content-Type: ").append(contentType).append("\r\n");
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    head.append(declareLength ? "Content-Length: " + total : "Transfer-Encoding: chunked").append("\r\n\r\n");
    Thread.ofVirtual().start(() -> upload.write(head.toString().getBytes(StandardCharsets.US_ASCII), prefix, filler,
        total, declareLength, pauseAfter));
    return upload;
  }

  private void write(byte[] head, byte[] prefix, byte filler, long total, boolean declareLength, long pauseAfter) {
    byte[] fill = new byte[CHUNK];
    Arrays.fill(fill, filler);
    try {
      OutputStream out = socket.getOutputStream();
      out.write(head);
      long remaining = total;
      boolean paused = false;
      while (remaining > 0) {
        long position = sent.get();
        byte[] data = position < prefix.length ? Arrays.copyOfRange(prefix, (int) position, prefix.length) : fill;
        long untilPause = !paused && pauseAfter >= 0 ? pauseAfter - position : Long.MAX_VALUE;
        int n = (int) Math.min(Math.min(data.length, remaining), untilPause);
        if (n > 0) {
          if (!declareLength) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          }
          out.write(data, 0, n);
          if (!declareLength) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          sent.addAndGet(n);
          remaining -= n;
        }
        if (!paused && pauseAfter >= 0 && sent.get() >= pauseAfter) {
          out.flush();
          paused = true;
          mayFinish.await();
        }
      }
      if (!declareLength) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
    } catch (IOException e) {
      writerFailure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      sentWhenWriterStopped = sent.get();
      writerDone.countDown();
    }
  }

  /** Lets a paused upload send the rest of its body. */
  void finish() {
    mayFinish.countDown();
  }

  /** Reads the answer (waiting at most a minute), while the body may still be going out. */
  Answer answer() throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!endsWithBlankLine(head)) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before an answer; got " + head);
      }
      head.write(b);
    }
    long sentThen = sent.get();
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    int status = Integer.parseInt(headers.substring(9, 12));
    Answer partial = new Answer(status, headers, "", sentThen);
    byte[] body;
    if (partial.header("Content-Length") != null) {
      body = in.readNBytes(Integer.parseInt(partial.header("Content-Length")));
    } else if ("chunked".equalsIgnoreCase(partial.header("Transfer-Encoding"))) {
      body = readChunked(in);
    } else {
      body = in.readAllBytes();
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), sentThen);
  }

  /**
   * Waits (at most a minute) until the body stopped going out, because it was all sent or because the server
   * closed the connection, and answers how many body bytes went out.
   */
  long bytesSentInAll() throws InterruptedException {
    if (!writerDone.await(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the body was still being sent after a minute (" + sent.get() + " bytes)");
    }
    return sentWhenWriterStopped;
  }

  /** Whether the server refused the rest of the body by closing the connection. */
  boolean cutOffByServer() {
    return writerFailure != null;
  }

  @Override
  public void close() throws IOException {
    mayFinish.countDown();
    socket.close();
  }

  private static boolean endsWithBlankLine(ByteArrayOutputStream out) {
    byte[] b = out.toByteArray();
    int n = b.length;
    return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      int size = Integer.parseInt(sizeLine.split(";")[0].strip().toLowerCase(Locale.ROOT), 16);
      if (size == 0) {
        readLine(in);
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      readLine(in);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
