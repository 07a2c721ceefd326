package dev.tact.intake.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A bare SMTP client for protocol details that a mail library would hide: lines out, replies in. */
final class RawSmtpClient implements AutoCloseable {

  /** One reply, possibly of several lines; {@code code} is its three digits. */
  record Reply(int code, List<String> lines) {
    String last() {
      return lines.getLast();
    }
  }

  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;

  RawSmtpClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(15_000);
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    out = socket.getOutputStream();
  }

  Reply read() throws IOException {
    List<String> lines = new ArrayList<>();
    String line;
    do {
      line = in.readLine();
      if (line == null) {
        throw new IOException("connection closed; got so far " + lines);
      }
      lines.add(line);
    } while (line.length() > 3 && line.charAt(3) == '-');
    return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
  }

  /** Sends one command line and reads its reply. */
  Reply send(String command) throws IOException {
    write(command + "\r\n");
    return read();
  }

  void write(String text) throws IOException {
    write(text.getBytes(StandardCharsets.UTF_8));
  }

  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Whether the server closed the connection (reading gives end of stream). */
  boolean closedByServer() throws IOException {
    return in.readLine() == null;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
