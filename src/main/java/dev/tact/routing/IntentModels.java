package dev.tact.routing;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.conversation.ConversationDetails;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Message;
import dev.tact.conversation.Status;
import dev.tact.conversation.StatusChanged;
import dev.tact.conversation.TeamChanged;
import dev.tact.shared.Ids;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intent model the front door uses, and how it learns: when an agent moves a conversation
 * to another team, its first words become an example of that team's intent, and when an agent resolves one that
 * sits with a team, an example of what that team confirmed; retraining (by an admin, API or UI) trains on the seed
 * phrases plus those examples and stores the model, which every node then uses (the newest model is looked up
 * once per new conversation).
 */
@Service
public class IntentModels {

  private record Loaded(UUID id, IntentModel model) {}

  private static final IntentModel SEED = DefaultIntents.seedModel();

  private final JdbcClient jdbc;
  private final ConversationManagement conversations;
  private final Clock clock;
  private final IntentCatalogue catalogue;
  private final AuditLog audit;
  private final AtomicReference<Loaded> loaded = new AtomicReference<>(new Loaded(null, SEED));

  IntentModels(JdbcClient jdbc, ConversationManagement conversations, Clock clock, IntentCatalogue catalogue,
      AuditLog audit) {
    this.catalogue = catalogue;
    this.audit = audit;
    this.jdbc = jdbc;
    this.conversations = conversations;
    this.clock = clock;
  }

  /** The newest trained model, or the seed model when none was trained. */
  public IntentModel current() {
    Optional<UUID> newest = jdbc.sql("SELECT id FROM routing_model ORDER BY trained_at DESC, id DESC LIMIT 1")
        .query(UUID.class).optional();
    Loaded now = loaded.get();
    if (newest.isEmpty()) {
      return SEED;
    }
    if (newest.get().equals(now.id())) {
      return now.model();
    }
    byte[] bytes = jdbc.sql("SELECT model FROM routing_model WHERE id = :id").param("id", newest.get())
        .query((rs, n) -> rs.getBytes(1)).single();
    Loaded fresh = new Loaded(newest.get(), IntentModel.fromBytes(bytes));
    loaded.set(fresh);
    return fresh.model();
  }

  /**
   * Trains a model on the seed phrases of the intents in use ({@link IntentCatalogue}) and every example agents
   * gave for them, and makes it the one in use.
   */
  @Transactional
  public TrainedModel retrain(String by) {
    TrainedModel trained = train(by);
    audit.record(AuditRecord.of("routing.model.retrained", "intent-model", trained.id(),
        "Retrained the intent model on " + dev.tact.shared.Wording.count(trained.examples(), "example", "examples") + " ("
            + trained.learnedFromAgents() + " from agents)").change(null, trained));
    return trained;
  }

  /** Trains and stores a model, for a change that needs one (recorded as that change, not as a retraining). */
  @Transactional
  TrainedModel train(String by) {
    List<LabelledText> examples = new ArrayList<>(catalogue.seedExamples());
    java.util.Set<String> intents = new java.util.HashSet<>(catalogue.names());
    List<LabelledText> learned = jdbc.sql(
            "SELECT text, intent FROM routing_example ORDER BY recorded_at, conversation_id")
        .query((rs, n) -> new LabelledText(rs.getString("text"), rs.getString("intent"))).list().stream()
        .filter(e -> intents.contains(e.intent())).toList();
    examples.addAll(learned);
    IntentModel model = new IntentTrainer().train(examples, DefaultIntents.seedOptions());
    TrainedModel trained = new TrainedModel(Ids.newId(), examples.size(), learned.size(), by, clock.instant());
    jdbc.sql("""
        INSERT INTO routing_model (id, examples, model, trained_by, trained_at)
        VALUES (:id, :examples, :model, :by, :at)""")
        .param("id", trained.id()).param("examples", trained.examples()).param("model", model.toBytes())
        .param("by", by).param("at", utc(trained.trainedAt())).update();
    return trained;
  }

  /** The model in use: empty while the seed model routes. */
  public Optional<TrainedModel> latest() {
    return jdbc.sql("SELECT id, examples, trained_by, trained_at FROM routing_model ORDER BY trained_at DESC, id DESC "
            + "LIMIT 1")
        .query((rs, n) -> new TrainedModel(rs.getObject("id", UUID.class), rs.getInt("examples"),
            Math.max(0, rs.getInt("examples") - DefaultIntents.examples().size()), rs.getString("trained_by"),
            instant(rs, "trained_at")))
        .optional();
  }

  /** How many examples agents have given so far. */
  public long examplesFromAgents() {
    return jdbc.sql("SELECT COUNT(*) FROM routing_example").query(Long.class).single();
  }

  @ApplicationModuleListener
  void on(TeamChanged changed) {
    if (!changed.byAgent()) {
      return;
    }
    Optional<String> intent = catalogue.intentOfTeam(changed.teamId());
    if (intent.isEmpty()) {
      return;
    }
    String text = firstWords(conversations.requireDetails(changed.conversationId()));
    jdbc.sql("DELETE FROM routing_example WHERE conversation_id = :id").param("id", changed.conversationId()).update();
    jdbc.sql("""
        INSERT INTO routing_example (conversation_id, text, intent, recorded_at) VALUES (:id, :text, :intent, :at)""")
        .param("id", changed.conversationId()).param("text", text).param("intent", intent.get())
        .param("at", utc(changed.at())).update();
  }

  /**
   * A conversation resolved while it sits with a team is an example of what that team takes: the intent the front
   * door read when the team takes it, else the team's own intent. A move by an agent says more than a resolution,
   * so an example recorded by a move is kept; a conversation that reopens and resolves again teaches once.
   */
  @ApplicationModuleListener
  void on(StatusChanged changed) {
    boolean resolved = changed.to() == Status.SOLVED
        || (changed.to() == Status.CLOSED && changed.from() != Status.SOLVED);
    if (!resolved) {
      return;
    }
    ConversationDetails details = conversations.requireDetails(changed.conversationId());
    UUID team = details.conversation().teamId();
    if (team == null) {
      return;
    }
    Optional<String> read = jdbc.sql("SELECT intent FROM routing_intent WHERE conversation_id = :id AND triage = FALSE")
        .param("id", changed.conversationId()).query(String.class).optional();
    Optional<String> intent = read.filter(i -> catalogue.teamsOf(i).contains(team))
        .or(() -> catalogue.intentOfTeam(team));
    if (intent.isEmpty()) {
      return;
    }
    jdbc.sql("""
        INSERT INTO routing_example (conversation_id, text, intent, recorded_at) VALUES (:id, :text, :intent, :at)
        ON CONFLICT DO NOTHING""")
        .param("id", changed.conversationId()).param("text", firstWords(details)).param("intent", intent.get())
        .param("at", utc(changed.at())).update();
  }

  /** What the model reads of a conversation: its subject and the customer's first message. */
  static String firstWords(ConversationDetails details) {
    String subject = details.conversation().subject() == null ? "" : details.conversation().subject();
    String body = details.firstInbound()
        .map(Message::body).orElse("");
    return subject + "\n" + body;
  }
}
