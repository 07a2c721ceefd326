package dev.tact.conversation;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffPrincipals;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved views of the inbox: personal ones each agent keeps for themself, shared ones leads and admins keep for
 * everybody. {@link #count} answers how many conversations a view holds now, with one query.
 */
@Service
public class SavedViews {

  static final int MAX_NAME = 100;

  private final SavedViewStore store;
  private final StaffPrincipals principals;
  private final InboxQueries queries;
  private final AuditLog audit;
  private final Clock clock;

  SavedViews(SavedViewStore store, StaffPrincipals principals, InboxQueries queries, AuditLog audit, Clock clock) {
    this.store = store;
    this.principals = principals;
    this.queries = queries;
    this.audit = audit;
    this.clock = clock;
  }

  /** The shared views, then the caller's own. */
  public List<SavedView> visibleTo(Authentication authentication) {
    return store.visibleTo(principals.agent(authentication).map(Agent::id).orElse(null));
  }

  /** A view the caller may see; another agent's personal view is a 404 like one that is not there. */
  public SavedView require(UUID id, Authentication authentication) {
    UUID agentId = principals.agent(authentication).map(Agent::id).orElse(null);
    return store.find(id).filter(v -> v.shared() || v.ownerId().equals(agentId))
        .orElseThrow(() -> ProblemException.notFound("view", id));
  }

  /** How many conversations the view holds for the caller now ("mine" is theirs): one count query. */
  public long count(SavedView view, Authentication authentication) {
    return queries.count(view.query(), authentication);
  }

  /**
   * Saves the query under a name: shared (leads and admins only, 403 otherwise) or the agent's own (an API token
   * has no inbox of its own: 422). A blank or long name, one already used, or a query the inbox refuses is a 4xx and
   * nothing is saved.
   */
  @Transactional
  public SavedView create(String name, InboxQuery query, boolean shared, Authentication authentication) {
    String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
    if (clean.isEmpty() || clean.length() > MAX_NAME || clean.chars().anyMatch(Character::isISOControl)) {
      throw ProblemException.invalid("invalid-view-name", "Give the view a name of 1 to " + MAX_NAME + " characters.");
    }
    if (shared && !StaffPrincipals.isLead(authentication)) {
      throw new ProblemException(403, "shared-view-needs-lead", "Leads and admins only",
          "Only leads and admins save shared views; save it as your own.");
    }
    UUID owner = null;
    if (!shared) {
      owner = principals.agent(authentication).map(Agent::id).orElseThrow(() -> ProblemException.invalid(
          "personal-view-needs-agent", "An API token has no inbox of its own: save a shared view."));
    }
    queries.filterOf(query, authentication); // refuses an unknown status, channel, priority or SLA state
    queries.sortOf(query);
    if (store.nameTaken(clean, owner)) {
      throw ProblemException.conflict("view-name-taken", "There is already a " + (shared ? "shared" : "personal")
          + " view called '" + clean + "'.");
    }
    SavedView view = new SavedView(Ids.newId(), clean, owner, query, principals.who(authentication),
        clock.instant());
    store.insert(view);
    if (shared) {
      audit.record(AuditRecord.of("conversation.view.created", "saved-view", view.id(),
          "Shared view '" + clean + "' saved").change(null, java.util.Map.of("name", clean, "query",
          query.queryString())));
    }
    return view;
  }

  /** Deletes a view: one's own, or a shared one as a lead or admin (403 otherwise). */
  @Transactional
  public void delete(UUID id, Authentication authentication) {
    SavedView view = require(id, authentication);
    if (view.shared() && !StaffPrincipals.isLead(authentication)) {
      throw new ProblemException(403, "shared-view-needs-lead", "Leads and admins only",
          "Only leads and admins delete shared views.");
    }
    store.delete(view.id());
    if (view.shared()) {
      audit.record(AuditRecord.of("conversation.view.deleted", "saved-view", view.id(),
          "Shared view '" + view.name() + "' deleted").change(java.util.Map.of("name", view.name(), "query",
          view.query().queryString()), null));
    }
  }
}
