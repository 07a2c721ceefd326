package dev.tact.shared;

/**
 * A domain error that the API turns into an RFC 9457 Problem Details response. The code is
 * stable and becomes part of the problem's type; the detail is for people.
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String code;
  private final String title;
  private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

  public ProblemException(int status, String code, String title, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
  }

  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(404, what + "-not-found", capitalise(what) + " not found",
        "No " + what + " with id " + id + ".");
  }

  public static ProblemException invalid(String code, String detail) {
    return new ProblemException(422, code, "Invalid input", detail);
  }

  public static ProblemException conflict(String code, String detail) {
    return new ProblemException(409, code, "Conflict", detail);
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

  /** More members of the Problem Details (RFC 9457 extensions), such as what changed meanwhile. */
  public java.util.Map<String, Object> properties() {
    return java.util.Collections.unmodifiableMap(properties);
  }

  protected final void property(String name, Object value) {
    properties.put(name, value);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
