package dev.tact.routing;

import dev.tact.staff.TeamUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A team that routing rules or intents send conversations to cannot be deleted until they name another. */
@Component
class RoutingTeams implements TeamUsage {

  private final JdbcClient jdbc;

  RoutingTeams(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<String> usesOf(UUID teamId) {
    List<String> uses = new ArrayList<>();
    long rules = jdbc.sql("SELECT COUNT(*) FROM routing_rule WHERE team_id = :team").param("team", teamId)
        .query(Long.class).single();
    if (rules > 0) {
      uses.add(rules + (rules == 1 ? " routing rule" : " routing rules"));
    }
    List<String> intents = jdbc.sql("SELECT intent FROM routing_intent_team WHERE team_id = :team ORDER BY intent")
        .param("team", teamId).query(String.class).list();
    if (!intents.isEmpty()) {
      uses.add("intent " + String.join(", ", intents));
    }
    return uses;
  }
}
