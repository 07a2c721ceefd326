package dev.tact.conversation;

import dev.tact.staff.TeamUsage;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A team with conversations not yet closed (a solved one reopens when the customer writes) cannot be deleted. */
@Component
class TeamConversations implements TeamUsage {

  private final JdbcClient jdbc;

  TeamConversations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<String> usesOf(UUID teamId) {
    long open = jdbc.sql("SELECT COUNT(*) FROM conv_conversation WHERE team_id = :team AND status <> 'CLOSED'")
        .param("team", teamId).query(Long.class).single();
    return open == 0 ? List.of() : List.of(open + (open == 1 ? " conversation" : " conversations") + " not closed");
  }
}
