package dev.tact.intake;

import dev.tact.intake.Mailbox.AfterFetch;
import dev.tact.intake.Mailbox.Security;
import dev.tact.shared.ProblemException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** A {@link MailboxRequest} checked and completed with defaults; every rule a mailbox must satisfy is here. */
record MailboxSettings(String name, String address, UUID teamId, boolean imapEnabled, String imapHost, int imapPort,
    Security imapSecurity, String imapUsername, String imapPassword, String imapFolder, AfterFetch afterFetch,
    String moveToFolder, int pollIntervalSeconds) {

  static final int MIN_POLL_SECONDS = 1;
  static final int MAX_POLL_SECONDS = 86_400;
  private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>()\\[\\],;:\"]{1,64}@[A-Za-z0-9.-]{1,253}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]_-]{1,255}");

  /**
   * @param request what the admin sent
   * @param passwordStored whether the mailbox being updated has a password already (false on create)
   */
  static MailboxSettings check(MailboxRequest request, boolean passwordStored) {
    if (request == null) {
      throw invalid("The request has no body.");
    }
    String name = required("name", request.name(), 200);
    String address = required("address", request.address(), 320).toLowerCase(Locale.ROOT);
    if (!ADDRESS.matcher(address).matches() || address.startsWith(".") || address.endsWith(".")) {
      throw invalid("address '" + address + "' is not an email address like support@example.com.");
    }
    boolean enabled = Boolean.TRUE.equals(request.imapEnabled());
    Security security = parse(Security.class, "imapSecurity", request.imapSecurity(), Security.IMAPS);
    int port = request.imapPort() == null ? security.defaultPort() : request.imapPort();
    if (port < 1 || port > 65_535) {
      throw invalid("imapPort must be between 1 and 65535, was " + port + ".");
    }
    String host = optional("imapHost", request.imapHost(), 255);
    if (host != null && !HOST.matcher(host).matches()) {
      throw invalid("imapHost '" + host + "' is not a host name or IP address.");
    }
    String username = optional("imapUsername", request.imapUsername(), 320);
    String password = request.imapPassword() == null || request.imapPassword().isEmpty() ? null
        : request.imapPassword();
    if (password != null && password.length() > 500) {
      throw invalid("imapPassword is longer than 500 characters.");
    }
    String folder = request.imapFolder() == null || request.imapFolder().isBlank() ? "INBOX"
        : optional("imapFolder", request.imapFolder(), 200);
    AfterFetch afterFetch = parse(AfterFetch.class, "afterFetch", request.afterFetch(), AfterFetch.MARK_SEEN);
    String moveTo = optional("moveToFolder", request.moveToFolder(), 200);
    int interval = request.pollIntervalSeconds() == null ? 60 : request.pollIntervalSeconds();
    if (interval < MIN_POLL_SECONDS || interval > MAX_POLL_SECONDS) {
      throw invalid("pollIntervalSeconds must be between " + MIN_POLL_SECONDS + " and " + MAX_POLL_SECONDS
          + ", was " + interval + ".");
    }
    if (afterFetch == AfterFetch.MOVE && (moveTo == null || moveTo.equals(folder))) {
      throw invalid("afterFetch MOVE needs a moveToFolder other than the folder fetched from (" + folder + ").");
    }
    if (enabled) {
      if (host == null) {
        throw invalid("imapHost is required when IMAP is enabled.");
      }
      if (username == null) {
        throw invalid("imapUsername is required when IMAP is enabled.");
      }
      if (password == null && !passwordStored) {
        throw invalid("imapPassword is required when IMAP is enabled and no password is stored yet.");
      }
    }
    return new MailboxSettings(name, address, request.teamId(), enabled, host, port, security, username, password,
        folder, afterFetch, moveTo, interval);
  }

  private static String required(String field, String value, int max) {
    String stripped = optional(field, value, max);
    if (stripped == null) {
      throw invalid(field + " is required.");
    }
    return stripped;
  }

  private static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw invalid(field + " is longer than " + max + " characters.");
    }
    if (stripped.chars().anyMatch(Character::isISOControl)) {
      throw invalid(field + " contains control characters.");
    }
    return stripped;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, E fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw invalid(field + " '" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants())
          + ".");
    }
  }

  static ProblemException invalid(String detail) {
    return ProblemException.invalid("invalid-mailbox", detail);
  }
}
