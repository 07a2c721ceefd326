package dev.tact.routing;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.routing.language.LanguageGuesser;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationEscalated;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationOpened;
import dev.tact.conversation.MessagesFiled;
import dev.tact.staff.Tier;
import dev.tact.shared.InLists;
import dev.tact.timer.SavepointBatch;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one front door: every new conversation is matched against the admins' {@link RoutingRules},
 * else read by the intent model, tagged with its
 * intent, and sent to the intent's team (the one for the customer's language, {@link TeamChooser}) and one of its
 * available agents ({@link AgentPicker}); a prediction the model is unsure of, and an intent that no team takes,
 * go to triage (tag {@code triage}, with the reason) for an agent rather than to a wrong team or to nobody
 * ({@link Triage}). VIPs and complaints are
 * escalated at once. A team already chosen (by the
 * mailbox, say) is kept. The model is {@link IntentModels#current()}: the seed model of {@link
 * DefaultIntents} until an admin retrains it with what agents taught by moving conversations.
 */
@Service
public class FrontDoor {

  static final String TRIAGE_TAG = "triage";
  private static final Object ROUTED_TOGETHER = new Object();

  private final ConversationManagement conversations;
  private final JdbcClient jdbc;
  private final RoutingProperties properties;
  private final Clock clock;
  private final AgentPicker agents;
  private final IntentModels models;
  private final RoutingRules rules;
  private final ContactManagement contacts;
  private final TeamChooser teams;
  private final LanguageGuesser languages = new LanguageGuesser();
  private final ApplicationEventPublisher events;
  private final PlatformTransactionManager transactionManager;

  FrontDoor(ConversationManagement conversations, JdbcClient jdbc, RoutingProperties properties,
      Clock clock, AgentPicker agents, IntentModels models, RoutingRules rules, ContactManagement contacts,
      TeamChooser teams, ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
    this.transactionManager = transactionManager;
    this.teams = teams;
    this.events = events;
    this.agents = agents;
    this.models = models;
    this.rules = rules;
    this.contacts = contacts;
    this.conversations = conversations;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** What the front door read in this conversation, if it was opened since routing started. */
  public Optional<ConversationIntent> intentOf(UUID conversationId) {
    return jdbc.sql("SELECT * FROM routing_intent WHERE conversation_id = :id").param("id", conversationId)
        .query((rs, n) -> new ConversationIntent(rs.getObject("conversation_id", UUID.class), rs.getString("intent"),
            rs.getDouble("confidence"), rs.getBoolean("triage"), instant(rs, "decided_at"),
            Suggestions.read(rs.getString("suggestions")), rs.getString("language"), rs.getString("triage_reason")))
        .optional();
  }

  @ApplicationModuleListener(condition = "!@filedTogether.takes(#opened)")
  void on(ConversationOpened opened) {
    if (properties.enabled() && intentOf(opened.conversationId()).isEmpty()) {
      route(opened, new Reads(contacts::find, models.current(), rules.list()));
    }
  }

  /**
   * What routing reads that is not the conversation's own: for conversations routed together read once, before the
   * first (routing writes none of it).
   */
  private record Reads(Function<UUID, Optional<Contact>> contactOf, IntentModel model, List<RoutingRule> rules) {}

  /**
   * The conversations that messages filed together opened: routed in one transaction, each in a savepoint, in the
   * order they were filed; one that fails is routed when the publication is run again (the others are then skipped).
   * Their decisions are told to after-commit listeners that take them together once, as {@link IntentsDecided}.
   */
  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(MessagesFiled filed) {
    List<ConversationOpened> openings = filed.openings();
    if (!properties.enabled() || openings.isEmpty()) {
      return;
    }
    Set<UUID> together = openings.stream().map(ConversationOpened::conversationId).collect(Collectors.toSet());
    Set<UUID> contactIds = openings.stream().map(ConversationOpened::contactId).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    List<RuntimeException> failures = SavepointBatch.newTransaction(transactionManager).execute(status -> {
      List<IntentDecided> decided = new ArrayList<>();
      // routing writes no contact: the batch's contacts, read once, are what each conversation's own read would be
      Map<UUID, Contact> contactsById = contacts.findAll(contactIds);
      Reads reads = new Reads(id -> Optional.ofNullable(contactsById.get(id)), models.current(), rules.list());
      Set<UUID> routedBefore = routedBefore(together);
      TransactionSynchronizationManager.bindResource(ROUTED_TOGETHER, together);
      List<RuntimeException> failed;
      try {
        failed = SavepointBatch.eachInSavepoint(status, openings,
            opened -> {
              if (!routedBefore.contains(opened.conversationId())) {
                decided.add(route(opened, reads));
              }
            });
      } finally {
        TransactionSynchronizationManager.unbindResource(ROUTED_TOGETHER);
      }
      if (!decided.isEmpty()) {
        events.publishEvent(new IntentsDecided(decided));
      }
      return failed;
    });
    SavepointBatch.throwIfAny(failures, openings.size());
  }

  /**
   * Whether this decision is routed together with others, so that it will be in an {@link IntentsDecided}: an
   * after-commit listener that takes those leaves it out with {@code !@frontDoor.routedTogether(#decided)}.
   */
  public boolean routedTogether(IntentDecided decided) {
    return TransactionSynchronizationManager.getResource(ROUTED_TOGETHER) instanceof Set<?> ids
        && ids.contains(decided.conversationId());
  }

  /** Which of these conversations the front door routed before (a publication run again), in one read. */
  private Set<UUID> routedBefore(Set<UUID> conversationIds) {
    Set<UUID> routed = new java.util.HashSet<>();
    InLists.forEachSlice(conversationIds, slice -> routed.addAll(jdbc.sql(
        "SELECT conversation_id FROM routing_intent WHERE conversation_id IN (:ids)").param("ids", slice)
        .query(UUID.class).list()));
    return routed;
  }

  /**
   * Routes a conversation not routed before and publishes its decision: what it wrote to {@code routing_intent}
   * (its {@code triage} whether the model was unsure of the intent: the conversation waits in triage).
   */
  private IntentDecided route(ConversationOpened opened, Reads reads) {
    IntentDecided decided = decide(opened, reads);
    // Published last, after the tags and the assignment have taken the conversation's row, so that listeners
    // (SLA clocks) lock their rows after it, in the same order as every other change of a conversation.
    events.publishEvent(decided);
    return decided;
  }

  private IntentDecided decide(ConversationOpened opened, Reads reads) {
    ConversationDetails details = conversations.requireDetails(opened.conversationId());
    String words = IntentModels.firstWords(details);
    Optional<Contact> contact = opened.contactId() == null ? Optional.empty()
        : reads.contactOf().apply(opened.contactId());
    Optional<RoutingRule> rule = rules.firstMatch(reads.rules(), details, contact, words);
    Prediction prediction = reads.model().predict(words);
    String intent = prediction.intent();
    double confidence = prediction.confidence();
    if (rule.isPresent() && rule.get().intent() != null) {
      intent = rule.get().intent();
      confidence = 1.0;
    }
    Optional<String> language = languages.choose(words, contact.map(Contact::locale).orElse(null));
    UUID ruleTeam = rule.map(RoutingRule::teamId).orElse(null);
    boolean unsure = ruleTeam == null && confidence < properties.triageBelow();
    // a rule's team first, then a team already chosen (the mailbox's), then the intent's team for the language
    UUID team = null;
    if (!unsure) {
      team = ruleTeam != null ? ruleTeam : details.conversation().teamId();
      if (team == null) {
        team = teams.choose(intent, language, words).orElse(null);
      }
    }
    String reason = unsure ? unsureReason(prediction) : team == null ? noTeamReason(intent) : null;
    boolean triage = reason != null;
    // the column keeps microseconds: the decision published is the one written, as a read of the row would answer
    Instant decidedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql("""
        INSERT INTO routing_intent (conversation_id, intent, confidence, triage, decided_at, suggestions, language,
          triage_reason)
        VALUES (:id, :intent, :confidence, :triage, :at, :suggestions, :language, :reason)""")
        .param("id", opened.conversationId()).param("intent", intent).param("confidence", confidence)
        .param("triage", triage).param("at", utc(decidedAt))
        .param("suggestions", Suggestions.write(prediction.top())).param("language", language.orElse(null))
        .param("reason", reason, java.sql.Types.VARCHAR).update();
    Actor door = Actor.system();
    Optional<Escalation> escalation = escalation(intent, confidence, contact, rule);
    IntentDecided decided = new IntentDecided(opened.conversationId(), intent, confidence, unsure, decidedAt);
    if (unsure) {
      conversations.addTags(opened.conversationId(), door, List.of(TRIAGE_TAG));
      escalation.ifPresent(e -> conversations.escalate(opened.conversationId(), door, e.tier(), e.reason()));
      return decided;
    }
    // never to nobody: an intent no team takes waits in triage, tagged with what it is
    conversations.addTags(opened.conversationId(), door, triage ? List.of(intentTag(intent), TRIAGE_TAG)
        : List.of(intentTag(intent)));
    if (team != null) {
      UUID assignee = details.conversation().assigneeId();
      if (assignee == null) {
        assignee = agents.pick(team, Tier.FIRST_LINE).map(a -> a.id()).orElse(null);
      }
      conversations.assign(opened.conversationId(), door, assignee, team);
    }
    escalation.ifPresent(e -> conversations.escalate(opened.conversationId(), door, e.tier(), e.reason()));
    return decided;
  }

  private static String unsureReason(Prediction prediction) {
    StringBuilder reason = new StringBuilder("the model was unsure: ");
    for (int i = 0; i < Math.min(2, prediction.top().size()); i++) {
      Scored s = prediction.top().get(i);
      reason.append(i > 0 ? ", " : "").append(Math.round(s.probability() * 100)).append(" % ")
          .append(s.intent().replace('_', ' '));
    }
    return reason.toString();
  }

  private static String noTeamReason(String intent) {
    return "no team takes " + intent.replace('_', ' ') + " (Admin → Routing → Intents and their teams)";
  }

  static String intentTag(String intent) {
    return "intent:" + intent.replace('_', '-');
  }

  private record Escalation(Tier tier, String reason) {}

  /**
   * Where a new conversation escalates by rule, at once: a rule's escalation; a customer of a tier listed in
   * {@code tact.routing.escalate-customer-tiers} (vip by default) to the lead tier; a complaint the model is sure
   * of to the lead tier.
   * SLA breaches escalate later, through {@link ConversationManagement#escalate}, from the SLA module's timers.
   */
  private Optional<Escalation> escalation(String intent, double confidence, Optional<Contact> contact,
      Optional<RoutingRule> rule) {
    if (rule.isPresent() && rule.get().escalateTo() != null) {
      return Optional.of(new Escalation(rule.get().escalateTo(), "routing rule: " + rule.get().kind().name()
          .toLowerCase(java.util.Locale.ROOT) + " " + rule.get().value()));
    }
    Optional<String> tier = contact.map(Contact::tier).filter(t -> properties.escalateCustomerTiers().stream()
        .anyMatch(t::equalsIgnoreCase));
    if (tier.isPresent()) {
      return Optional.of(new Escalation(Tier.LEAD, "customer tier " + tier.get()));
    }
    // only a complaint the model is sure of: a rule may place an unsure one, but not escalate it
    if (confidence >= properties.triageBelow() && properties.escalateComplaints()
        && DefaultIntents.COMPLAINT.equals(intent)) {
      return Optional.of(new Escalation(Tier.LEAD, "the front door read a complaint"));
    }
    return Optional.empty();
  }

  /** An escalated conversation goes to an available agent of the new tier in its team, when there is one. */
  @ApplicationModuleListener
  void on(ConversationEscalated escalated) {
    if (!properties.enabled() || escalated.teamId() == null) {
      return;
    }
    agents.pick(escalated.teamId(), escalated.tier()).ifPresent(agent ->
        conversations.assign(escalated.conversationId(), Actor.system(), agent.id(), escalated.teamId()));
  }
}
