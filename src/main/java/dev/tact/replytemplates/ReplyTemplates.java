package dev.tact.replytemplates;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.GivenField;
import dev.tact.conversation.Status;
import dev.tact.conversation.Tags;
import dev.tact.routing.ConversationFacts;
import dev.tact.routing.Fact;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reply templates and macros: shared ones (leads and admins manage them) and each agent's personal ones; filling
 * one for a conversation; applying a macro's actions. Bad input is a 422 and changes nothing; a template another
 * agent owns is not found (404) for anyone else.
 */
@Service
public class ReplyTemplates {

  static final int MAX_NAME = 120;
  static final int MAX_BODY = 10_000;

  private final ReplyTemplateStore store;
  private final ConversationManagement conversations;
  private final ContactManagement contacts;
  private final ConversationFacts facts;
  private final StaffDirectory staff;
  private final Clock clock;

  ReplyTemplates(ReplyTemplateStore store, ConversationManagement conversations, ContactManagement contacts,
      ConversationFacts facts, StaffDirectory staff, Clock clock) {
    this.store = store;
    this.conversations = conversations;
    this.contacts = contacts;
    this.facts = facts;
    this.staff = staff;
    this.clock = clock;
  }

  /** The shared templates and the editor's own, shared first. */
  public List<ReplyTemplate> visibleTo(Editor editor) {
    return store.visibleTo(editor.agentId());
  }

  /** A template the editor may use: shared, or their own (anything else is a 404). */
  public ReplyTemplate require(UUID id, Editor editor) {
    return store.find(id).filter(t -> t.shared() || t.ownerId().equals(editor.agentId()))
        .orElseThrow(() -> ProblemException.notFound("Reply template", id));
  }

  @Transactional
  public ReplyTemplate create(TemplateRequest request, Editor editor) {
    Instant now = clock.instant();
    ReplyTemplate t = validated(UUID.randomUUID(), request, editor, now, now);
    store.insert(t);
    return t;
  }

  @Transactional
  public ReplyTemplate update(UUID id, TemplateRequest request, Editor editor) {
    ReplyTemplate old = require(id, editor);
    mayChange(old, editor);
    ReplyTemplate t = validated(id, request, editor, old.createdAt(), clock.instant());
    store.update(t);
    return t;
  }

  @Transactional
  public void delete(UUID id, Editor editor) {
    mayChange(require(id, editor), editor);
    store.delete(id);
  }

  /** The template filled in from the conversation's record, for the reply box and its preview. */
  @Transactional(readOnly = true)
  public FilledReply fill(UUID templateId, UUID conversationId, Editor editor) {
    ReplyTemplate t = require(templateId, editor);
    ConversationDetails details = conversations.requireDetails(conversationId);
    ConversationFacts.Facts known = facts.of(details);
    Map<String, String> given = new HashMap<>();
    for (GivenField g : known.given()) {
      given.putIfAbsent(g.label().strip().toLowerCase(Locale.ROOT), g.value());
    }
    return TemplateText.fill(t.body(), values(details, known, editor), given);
  }

  /**
   * Applies a macro's actions to a conversation: status, tags, team, each recorded in the conversation's history
   * under the actor. A template without actions changes nothing.
   */
  @Transactional
  public ConversationSummary applyActions(UUID templateId, UUID conversationId, Actor actor, Editor editor) {
    ReplyTemplate t = require(templateId, editor);
    ConversationSummary c = conversations.requireDetails(conversationId).conversation();
    if (t.setTeamId() != null && !t.setTeamId().equals(c.teamId())) {
      c = conversations.assign(conversationId, actor, c.assigneeId(), t.setTeamId());
    }
    if (!t.addTags().isEmpty()) {
      c = conversations.addTags(conversationId, actor, t.addTags());
    }
    if (t.setStatus() != null && t.setStatus() != c.status()) {
      c = conversations.changeStatus(conversationId, actor, t.setStatus());
    }
    return c;
  }

  private Map<String, String> values(ConversationDetails details, ConversationFacts.Facts known, Editor editor) {
    ConversationSummary c = details.conversation();
    Contact contact = c.contactId() == null ? null : contacts.find(c.contactId()).orElse(null);
    Map<String, String> values = new HashMap<>();
    values.put("conversation.number", Long.toString(c.number()));
    values.put("conversation.subject", c.subject());
    values.put("agent.name", editor.name());
    if (contact != null) {
      values.put("contact.given_name", contact.givenName());
      values.put("contact.family_name", contact.familyName());
      values.put("contact.name", contact.displayName() != null ? contact.displayName()
          : contact.givenName() != null || contact.familyName() != null ? contact.name() : null);
      values.put("contact.organisation", contact.organisation());
      values.put("customer.plan", contact.plan());
      values.put("customer.tier", contact.tierOrStandard());
      Instant since = contact.customerSince() != null ? contact.customerSince()
          : conversations.firstConversationAt(contact.id()).orElse(null);
      if (since != null) {
        LocalDate from = since.atZone(ZoneOffset.UTC).toLocalDate();
        values.put("customer.since", from.toString());
        values.put("customer.tenure", tenure(from, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
      }
    }
    values.put("facts.order", joined(known, Fact.Kind.ORDER, "order"));
    values.put("facts.invoice", joined(known, Fact.Kind.INVOICE, "invoice"));
    values.put("facts.account", joined(known, Fact.Kind.ACCOUNT, "account"));
    values.put("facts.product", joined(known, Fact.Kind.PRODUCT, "product"));
    return values;
  }

  /** The facts of one kind from the messages, and values the customer gave under a label naming it. */
  private static String joined(ConversationFacts.Facts known, Fact.Kind kind, String labelWord) {
    LinkedHashSet<String> found = new LinkedHashSet<>();
    for (Fact f : known.stated()) {
      if (f.kind() == kind) {
        found.add(f.value());
      }
    }
    for (GivenField g : known.given()) {
      if (g.label().toLowerCase(Locale.ROOT).contains(labelWord) && g.value() != null && !g.value().isBlank()) {
        found.add(g.value().strip());
      }
    }
    return found.isEmpty() ? null : String.join(", ", found);
  }

  static String tenure(LocalDate from, LocalDate today) {
    Period p = Period.between(from, today);
    if (p.isNegative() || p.toTotalMonths() < 1) {
      return "less than a month";
    }
    if (p.getYears() >= 1) {
      return p.getYears() + (p.getYears() == 1 ? " year" : " years");
    }
    return p.getMonths() + (p.getMonths() == 1 ? " month" : " months");
  }

  private static void mayChange(ReplyTemplate t, Editor editor) {
    if (t.shared() && !editor.lead()) {
      throw new ProblemException(403, "shared-template-lead-only", "Forbidden",
          "Only leads and admins change shared templates.");
    }
  }

  private ReplyTemplate validated(UUID id, TemplateRequest r, Editor editor, Instant created, Instant now) {
    String name = r.name() == null ? "" : r.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw ProblemException.invalid("invalid-template-name", "A template needs a name of 1 to " + MAX_NAME
          + " characters.");
    }
    String body = r.body() == null ? "" : r.body().replace("\r\n", "\n");
    if (body.isBlank() || body.length() > MAX_BODY) {
      throw ProblemException.invalid("invalid-template-body", "A template needs a text of 1 to " + MAX_BODY
          + " characters.");
    }
    List<String> unknown = TemplateText.unknownFields(body);
    if (!unknown.isEmpty()) {
      throw ProblemException.invalid("unknown-merge-field", "Unknown merge field" + (unknown.size() > 1 ? "s " : " ")
          + String.join(", ", unknown.stream().map(f -> "{{" + f + "}}").toList()) + ". Known fields: "
          + String.join(", ", MergeFields.KNOWN.keySet()) + ".");
    }
    if (r.shared() && !editor.lead()) {
      throw new ProblemException(403, "shared-template-lead-only", "Forbidden",
          "Only leads and admins create shared templates; make it personal instead.");
    }
    if (!r.shared() && editor.agentId() == null) {
      throw ProblemException.invalid("personal-template-needs-agent",
          "An API token has no personal templates: create a shared one.");
    }
    Status status = r.setStatus() == null || r.setStatus().isBlank() ? null : Status.parse(r.setStatus());
    if (r.setTeamId() != null && staff.team(r.setTeamId()).isEmpty()) {
      throw ProblemException.invalid("unknown-team", "There is no team " + r.setTeamId() + ".");
    }
    List<String> tags = r.addTags().isEmpty() ? List.of() : new ArrayList<>(Tags.normalise(r.addTags()));
    UUID owner = r.shared() ? null : editor.agentId();
    if (store.nameTaken(owner, name, id)) {
      throw ProblemException.conflict("template-name-taken", "There is already a " + (r.shared() ? "shared" : "personal")
          + " template named '" + name + "'.");
    }
    return new ReplyTemplate(id, owner, name, body, status, tags, r.setTeamId(), created, now);
  }
}
