package dev.tact.intake.smtp;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code FROM:<address> PARAM=value…} argument of MAIL and RCPT.
 *
 * @param address the address without angle brackets and source route; "" for the null path
 */
record MailPath(String address, List<String> parameters) {

  /** The path after the keyword ({@code FROM:} or {@code TO:}); null when it is not well formed. */
  static MailPath parse(String argument, String keyword) {
    if (!argument.toUpperCase(Locale.ROOT).startsWith(keyword)) {
      return null;
    }
    String rest = argument.substring(keyword.length()).stripLeading();
    if (!rest.startsWith("<")) {
      return null;
    }
    int close = rest.indexOf('>');
    if (close < 0) {
      return null;
    }
    String address = rest.substring(1, close).strip();
    if (address.startsWith("@")) {
      int colon = address.indexOf(':'); // source route <@relay,@relay:user@domain>: ignored (RFC 5321 C)
      if (colon < 0) {
        return null;
      }
      address = address.substring(colon + 1);
    }
    String tail = rest.substring(close + 1).strip();
    List<String> parameters = tail.isEmpty() ? List.of() : Arrays.asList(tail.split("\\s+"));
    return new MailPath(address, parameters);
  }

  /** Whether the address looks like local@domain without spaces, within the length limits. */
  static boolean plausible(String address) {
    int at = address.lastIndexOf('@');
    return at > 0 && at < address.length() - 1 && address.length() <= 320 && address.chars().noneMatch(c -> c <= ' ');
  }
}
