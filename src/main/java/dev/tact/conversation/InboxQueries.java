package dev.tact.conversation;

import dev.tact.shared.Channel;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffPrincipals;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Turns an {@link InboxQuery} into the conversations it selects, for whoever is signed in ("mine" is theirs): the
 * inbox lists them, a saved view counts them with {@link #count}.
 */
@Component
public class InboxQueries {

  /** What the inbox shows when no status is asked for: everything but closed conversations. */
  private static final Set<Status> NOT_CLOSED = EnumSet.complementOf(EnumSet.of(Status.CLOSED));

  /** The filter parameter another module answers (sla: breached, due-soon). */
  private static final String SLA = "sla";

  private final ConversationManagement conversations;
  private final StaffPrincipals principals;
  private final Map<String, ConversationListFilter> filters;

  InboxQueries(ConversationManagement conversations, StaffPrincipals principals,
      List<ConversationListFilter> filters) {
    this.conversations = conversations;
    this.principals = principals;
    this.filters = filters.stream().collect(Collectors.toMap(ConversationListFilter::parameter, f -> f));
  }

  /** The filter the query stands for; an unknown status, channel, priority or SLA state is a 400. */
  public ConversationFilter filterOf(InboxQuery query, Authentication authentication) {
    return filterOf(query, authentication, slaSelection(query));
  }

  /** As {@link #filterOf(InboxQuery, Authentication)} with the SLA selection read before (the inbox shows it). */
  public ConversationFilter filterOf(InboxQuery query, Authentication authentication,
      Optional<ConversationListFilter.Selection> sla) {
    Set<Status> statuses = query.status() == null ? (query.closed() ? Set.of() : NOT_CLOSED)
        : Set.of(Status.parse(query.status()));
    UUID assigneeId = query.assignee();
    if (query.mine()) {
      assigneeId = principals.agent(authentication).map(Agent::id).orElse(null);
    }
    String tag = query.tag() == null ? null : query.tag().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    Set<UUID> only = sla.map(ConversationListFilter.Selection::conversationIds).orElse(null);
    return new ConversationFilter(statuses, query.team(), assigneeId, query.unassigned(), tag, null, only,
        query.channel() == null ? null : Channel.parse(query.channel()),
        query.priority() == null ? null : Priority.parse(query.priority()));
  }

  /** The SLA state as the SLA module reads it back (for the form), when one was asked for. */
  public Optional<ConversationListFilter.Selection> slaSelection(InboxQuery query) {
    return Optional.ofNullable(filters.get(SLA)).flatMap(filter -> filter.select(query.sla()));
  }

  public ConversationSort sortOf(InboxQuery query) {
    return ConversationSort.parse(query.sort());
  }

  /** How many conversations the query selects for this agent: one count query (plus the SLA module's, if asked). */
  public long count(InboxQuery query, Authentication authentication) {
    return conversations.count(filterOf(query, authentication));
  }
}
