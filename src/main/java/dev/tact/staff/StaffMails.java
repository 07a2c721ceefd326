package dev.tact.staff;

import dev.tact.shared.Ids;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The mails Tact sends its own staff, written out for the delivery module to queue. */
final class StaffMails {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private StaffMails() {}

  static StaffMailRequested invitation(Agent agent, String url, Instant expiresAt, String invitedBy) {
    String by = invitedBy == null || invitedBy.isBlank() ? "An admin" : invitedBy;
    String text = """
        Hello %s,

        %s invited you to Tact, your team's help desk, as %s.
        Choose your password here to start:

        %s

        The link works once, until %s. You sign in with this address, %s.

        If you did not expect this mail, ignore it: nothing happens without the link.
        """.formatted(agent.displayName(), by, article(agent.role()), url, WHEN.format(expiresAt), agent.email());
    return new StaffMailRequested(Ids.newId(), agent.id(), agent.email(), agent.displayName(),
        "Your invitation to Tact", text);
  }

  static StaffMailRequested passwordReset(Agent agent, String url, Instant expiresAt) {
    String text = """
        Hello %s,

        Someone, hopefully you, asked to reset your Tact password. Choose a new one here:

        %s

        The link works once, until %s.

        If you did not ask for this, ignore this mail: your password stays as it is.
        """.formatted(agent.displayName(), url, WHEN.format(expiresAt));
    return new StaffMailRequested(Ids.newId(), agent.id(), agent.email(), agent.displayName(),
        "Reset your Tact password", text);
  }

  private static String article(Role role) {
    return (role == Role.ADMIN ? "an " : "a ") + role.label();
  }
}
