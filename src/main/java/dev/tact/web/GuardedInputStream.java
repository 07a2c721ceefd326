package dev.tact.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body that refuses to be read past its limit (a chunked body, or one whose Content-Length lied, is cut
 * off the moment it passes it) and, for JSON, checks its text on the way ({@link JsonTextCheck}). Once refused it
 * stays refused.
 */
final class GuardedInputStream extends ServletInputStream {

  private final ServletInputStream body;
  private final long limit;
  private final String tooLargeCode;
  private final JsonTextCheck jsonText;
  private long read;
  private RequestBodyException refused;

  GuardedInputStream(ServletInputStream body, long limit, String tooLargeCode, JsonTextCheck jsonText) {
    this.body = body;
    this.limit = limit;
    this.tooLargeCode = tooLargeCode;
    this.jsonText = jsonText;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (refused != null) {
      throw refused;
    }
    int n = body.read(buffer, offset, length);
    try {
      if (n < 0) {
        if (jsonText != null) {
          jsonText.end();
        }
        return n;
      }
      read += n;
      if (read > limit) {
        throw RequestBodyException.tooLarge(tooLargeCode, limit);
      }
      if (jsonText != null) {
        jsonText.accept(buffer, offset, n);
      }
      return n;
    } catch (RequestBodyException e) {
      refused = e;
      throw e;
    }
  }

  @Override
  public boolean isFinished() {
    return body.isFinished();
  }

  @Override
  public boolean isReady() {
    return body.isReady();
  }

  @Override
  public void setReadListener(ReadListener listener) {
    body.setReadListener(listener);
  }
}
