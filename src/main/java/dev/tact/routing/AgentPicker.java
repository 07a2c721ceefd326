package dev.tact.routing;

import dev.tact.conversation.ConversationManagement;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Tier;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chooses the agent of a team, at a tier, who takes a conversation: only available agents with room
 * under their capacity; the least loaded one (fewest conversations not yet solved), or the next
 * one in turn (round robin, the turn kept in the database so that every node shares it).
 */
@Component
class AgentPicker {

  private final StaffDirectory staff;
  private final ConversationManagement conversations;
  private final JdbcClient jdbc;
  private final TeamAssignments assignments;

  AgentPicker(StaffDirectory staff, ConversationManagement conversations, JdbcClient jdbc,
      TeamAssignments assignments) {
    this.assignments = assignments;
    this.staff = staff;
    this.conversations = conversations;
    this.jdbc = jdbc;
  }

  /** An available member of the team's tier with room, chosen the team's way; empty when nobody (or mode none). */
  Optional<Agent> pick(UUID teamId, Tier tier) {
    AssignmentMode mode = assignments.modeOf(teamId);
    if (mode == AssignmentMode.NONE) {
      return Optional.empty();
    }
    List<Agent> members = staff.members(teamId, tier).stream().filter(Agent::available).toList();
    Map<UUID, Long> load = conversations.openLoad(members.stream().map(Agent::id).toList());
    List<Agent> withRoom = members.stream().filter(a -> load.getOrDefault(a.id(), 0L) < a.capacity()).toList();
    if (withRoom.isEmpty()) {
      return Optional.empty();
    }
    if (mode == AssignmentMode.LEAST_LOADED) {
      return withRoom.stream().min(Comparator.comparingLong((Agent a) -> load.getOrDefault(a.id(), 0L)));
    }
    return Optional.of(nextInTurn(teamId, tier, withRoom));
  }

  /** The member after the one who had the last turn (by name order), and the turn moves to them. */
  private Agent nextInTurn(UUID teamId, Tier tier, List<Agent> candidates) {
    jdbc.sql("INSERT INTO routing_team_cursor (team_id, last_agent_id) VALUES (:team, NULL) ON CONFLICT DO NOTHING")
        .param("team", teamId).update();
    UUID last = jdbc.sql("SELECT last_agent_id FROM routing_team_cursor WHERE team_id = :team FOR UPDATE")
        .param("team", teamId).query((rs, n) -> rs.getObject(1, UUID.class)).optional().orElse(null);
    List<Agent> everyone = staff.members(teamId, tier);
    int lastIndex = -1;
    for (int i = 0; i < everyone.size(); i++) {
      if (everyone.get(i).id().equals(last)) {
        lastIndex = i;
      }
    }
    Agent chosen = candidates.getFirst();
    for (int step = 1; step <= everyone.size(); step++) {
      Agent next = everyone.get((lastIndex + step + everyone.size()) % everyone.size());
      if (candidates.stream().anyMatch(c -> c.id().equals(next.id()))) {
        chosen = next;
        break;
      }
    }
    jdbc.sql("UPDATE routing_team_cursor SET last_agent_id = :agent WHERE team_id = :team")
        .param("agent", chosen.id()).param("team", teamId).update();
    return chosen;
  }
}
