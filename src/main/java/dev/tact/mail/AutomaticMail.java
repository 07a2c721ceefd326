package dev.tact.mail;

import java.util.List;

/**
 * Whether a message was sent by a machine rather than typed by a person, and why we think so. Intake uses it to
 * avoid answering auto-replies (mail loops) and to route bounces.
 *
 * @param kind the most specific kind found
 * @param reasons the evidence in words, e.g. {@code "Auto-Submitted: auto-replied"}
 */
public record AutomaticMail(Kind kind, List<String> reasons) {

  /** What kind of automatic mail a message is. */
  public enum Kind { NONE, AUTO_REPLY, OUT_OF_OFFICE, BULK, LIST, BOUNCE, AUTO_GENERATED }

  public static final AutomaticMail NONE = new AutomaticMail(Kind.NONE, List.of());

  public AutomaticMail {
    reasons = List.copyOf(reasons);
  }

  /** True for anything but {@link Kind#NONE}. */
  public boolean isAutomatic() {
    return kind != Kind.NONE;
  }
}
