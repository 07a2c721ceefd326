package dev.tact.web;

import java.io.IOException;

/**
 * A request body refused while it is read: too large, or JSON text Tact cannot store. Thrown by the request's
 * input stream, so it reaches the API's advice wrapped in whatever was reading (Jackson, a converter) or
 * directly (a controller reading the stream itself); either way it becomes the Problem Details it carries.
 */
public class RequestBodyException extends IOException {

  private final int status;
  private final String code;
  private final String title;

  RequestBodyException(int status, String code, String title, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
  }

  static RequestBodyException tooLarge(String code, long limit) {
    return new RequestBodyException(413, code, code.equals("mail-too-large") ? "Mail too large" : "Request too large",
        "The request body is larger than " + limit + " bytes, the limit here.");
  }

  static RequestBodyException invalidUtf8(long offset) {
    return new RequestBodyException(400, "invalid-utf8", "Invalid UTF-8",
        "The request body is not valid UTF-8 (at byte " + offset + "); JSON must be sent as UTF-8.");
  }

  static RequestBodyException invalidText(String what, long offset) {
    return new RequestBodyException(400, "invalid-text", "Invalid text",
        "The JSON text holds " + what + " (at byte " + offset + "), which Tact does not store.");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  /** The refusal somewhere in this exception's causes, if there is one. */
  public static java.util.Optional<RequestBodyException> in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RequestBodyException refused) {
        return java.util.Optional.of(refused);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return java.util.Optional.empty();
  }
}
