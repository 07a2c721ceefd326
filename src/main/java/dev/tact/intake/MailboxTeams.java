package dev.tact.intake;

import dev.tact.staff.TeamUsage;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A team that mailboxes send their mail to cannot be deleted until they name another team (or none). */
@Component
class MailboxTeams implements TeamUsage {

  private final JdbcClient jdbc;

  MailboxTeams(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<String> usesOf(UUID teamId) {
    List<String> addresses = jdbc.sql("SELECT address FROM intake_mailbox WHERE team_id = :team ORDER BY address")
        .param("team", teamId).query(String.class).list();
    return addresses.isEmpty() ? List.of() : List.of("mailbox " + String.join(", ", addresses));
  }
}
