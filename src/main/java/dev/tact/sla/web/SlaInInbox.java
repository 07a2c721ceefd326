package dev.tact.sla.web;

import dev.tact.conversation.ConversationListContributor;
import dev.tact.conversation.ConversationListFilter;
import dev.tact.conversation.ConversationSummary;
import dev.tact.sla.SlaAttention;
import dev.tact.sla.SlaBadge;
import dev.tact.sla.SlaClocks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * SLA in the inbox: each row's most urgent target ({@code sla/panel :: cell(b)}), read for the page at once, and
 * the {@code sla} filter (breached, due soon) with the SLA queue's meaning.
 */
@Component
class SlaInInbox implements ConversationListContributor, ConversationListFilter {

  private final SlaClocks clocks;

  SlaInInbox(SlaClocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public void contribute(List<ConversationSummary> shown, Authentication authentication, Map<String, Object> model) {
    List<UUID> ids = shown.stream().map(ConversationSummary::id).toList();
    model.put("slaBadges", SlaBadge.of(clocks.states(ids), ids));
    model.put("slaStates", SlaAttention.values());
  }

  @Override
  public String parameter() {
    return "sla";
  }

  @Override
  public Optional<Selection> select(String value) {
    return Optional.ofNullable(SlaAttention.parseFilter(value))
        .map(state -> new Selection(state.id(), clocks.conversationsIn(state)));
  }
}
