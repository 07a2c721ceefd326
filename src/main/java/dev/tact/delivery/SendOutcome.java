package dev.tact.delivery;

/**
 * What a peer said to one send. TRANSIENT: try again later (4xx, or no answer at all); PERMANENT:
 * never (5xx), which counts as a hard bounce for the recipient.
 */
record SendOutcome(Kind kind, Integer replyCode, String detail) {

  enum Kind {
    SENT,
    TRANSIENT,
    PERMANENT
  }

  static SendOutcome sent() {
    return new SendOutcome(Kind.SENT, 250, null);
  }

  static SendOutcome transientFailure(Integer code, String detail) {
    return new SendOutcome(Kind.TRANSIENT, code, detail);
  }

  static SendOutcome permanentFailure(Integer code, String detail) {
    return new SendOutcome(Kind.PERMANENT, code, detail);
  }

  /** A reply code's class decides: 5xx permanent, anything else (4xx, none) transient. */
  static SendOutcome failure(Integer code, String detail) {
    return code != null && code >= 500 && code < 600 ? permanentFailure(code, detail) : transientFailure(code, detail);
  }
}
