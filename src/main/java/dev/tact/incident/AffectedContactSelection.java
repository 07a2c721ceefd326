package dev.tact.incident;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.ConversationFilter;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Finds the contacts a lead names as affected by an incident: a customer segment (tier), the contacts of
 * conversations with a tag, or identities one per line. At most {@value #MAX} at once.
 */
@Service
public class AffectedContactSelection {

  static final int MAX = 200_000;

  /** Who to select; any of the three, combined. */
  public record Criteria(String tier, String conversationTag, String identities) {}

  private final Incidents incidents;
  private final ContactManagement contacts;
  private final ConversationManagement conversations;
  private final IdentityParser identities;

  AffectedContactSelection(Incidents incidents, ContactManagement contacts, ConversationManagement conversations,
      IdentityParser identities) {
    this.incidents = incidents;
    this.contacts = contacts;
    this.conversations = conversations;
    this.identities = identities;
  }

  /** Selects the contacts the criteria name; answers how many were added. */
  public int select(UUID incidentId, Criteria criteria, String by) {
    Set<UUID> chosen = new LinkedHashSet<>();
    StringBuilder described = new StringBuilder();
    if (criteria.tier() != null && !criteria.tier().isBlank()) {
      chosen.addAll(contacts.idsInTier(criteria.tier(), MAX));
      described.append("tier ").append(criteria.tier().strip()).append(' ');
    }
    if (criteria.conversationTag() != null && !criteria.conversationTag().isBlank()) {
      String tag = criteria.conversationTag().strip();
      for (int page = 0; chosen.size() < MAX; page++) {
        PageResult<ConversationSummary> found = conversations.list(new ConversationFilter(Set.of(), null, null, false,
            tag, null), new PageRequest(page, PageRequest.MAX_SIZE));
        found.items().stream().map(ConversationSummary::contactId).filter(java.util.Objects::nonNull)
            .forEach(chosen::add);
        if (found.items().size() < PageRequest.MAX_SIZE) {
          break;
        }
      }
      described.append("conversations tagged ").append(tag).append(' ');
    }
    if (criteria.identities() != null && !criteria.identities().isBlank()) {
      for (String line : criteria.identities().split("[\\r\\n,;]+")) {
        if (!line.isBlank()) {
          chosen.add(contacts.findByIdentity(identities.parse(line.strip())).orElseThrow(() ->
              ProblemException.invalid("unknown-identity", "No contact has " + line.strip() + "; nothing was "
                  + "selected.")).id());
        }
      }
      described.append("listed identities");
    }
    if (described.isEmpty()) {
      throw ProblemException.invalid("missing-selection", "Name a tier, a conversation tag or identities.");
    }
    List<UUID> ids = List.copyOf(chosen);
    return incidents.select(incidentId, ids.subList(0, Math.min(ids.size(), MAX)), described.toString().strip(), by);
  }
}
