package dev.tact.conversation.report;

import dev.tact.dashboard.ReportScope;
import dev.tact.dashboard.ScopeConditions;

/** A scope's filters on {@code conv_conversation c}: team, assignee, channel and the intent routing tagged. */
final class ConversationScope {

  private ConversationScope() {}

  static ScopeConditions filters(ReportScope scope) {
    return ScopeConditions.of(scope).team("c.team_id").agent("c.assignee_id").channel("c.channel")
        .intent("EXISTS (SELECT 1 FROM conv_tag t WHERE t.conversation_id = c.id AND t.tag = :scopeIntent)",
            scope.intent() == null ? null : "intent:" + scope.intent().replace('_', '-'));
  }
}
