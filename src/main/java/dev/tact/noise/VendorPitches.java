package dev.tact.noise;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationDetails;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Message;
import dev.tact.routing.DefaultIntents;
import dev.tact.routing.IntentDecided;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Team;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A conversation the front door reads as a vendor pitch goes to one owner (an agent's email, or a team's name, as
 * {@link VendorPitchSettingsService} has it: saved by an admin, else {@code tact.noise.vendor-pitch-owner}); copies
 * of the pitch have already joined it as reports, so the owner gets it once. When answering is on, the sender is
 * given the standard answer, once per sender ever, sent as a reply by compose, unless the pitch
 * came as automatic mail.
 */
@Component
class VendorPitches {

  private static final Logger log = LoggerFactory.getLogger(VendorPitches.class);

  private final ConversationManagement conversations;
  private final StaffDirectory staff;
  private final VendorPitchSettingsService settings;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  VendorPitches(ConversationManagement conversations, StaffDirectory staff, VendorPitchSettingsService settings,
      JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.conversations = conversations;
    this.staff = staff;
    this.settings = settings;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @ApplicationModuleListener(condition = "#classified.settledAs(T(dev.tact.routing.DefaultIntents).VENDOR_PITCH)")
  void on(IntentDecided classified) {
    if (!classified.settledAs(DefaultIntents.VENDOR_PITCH)) {
      return;
    }
    ConversationDetails details = conversations.requireDetails(classified.conversationId());
    ConversationSummary conversation = details.conversation();
    VendorPitchSettings now = settings.current();
    giveToOwner(conversation, now.owner());
    if (now.answer() && !openedByAutomaticMail(details) && firstAnswerTo(conversation)) {
      events.publishEvent(new VendorPitchAnswerDue(conversation.id(), now.answerText()));
    }
  }

  private void giveToOwner(ConversationSummary conversation, String owner) {
    if (owner.isEmpty()) {
      return;
    }
    Optional<Agent> agent = owner.contains("@") ? staff.findAgentByEmail(owner) : Optional.empty();
    if (agent.isPresent()) {
      conversations.assign(conversation.id(), Actor.system(), agent.get().id(), null);
      return;
    }
    Optional<Team> team = staff.teamByName(owner);
    if (team.isPresent()) {
      conversations.assign(conversation.id(), Actor.system(), null, team.get().id());
      return;
    }
    log.warn("The vendor-pitch owner '{}' is neither an agent's email nor a team's name; "
        + "vendor pitch #{} stays where the front door put it", owner, conversation.number());
  }

  /** Tact never answers automatic mail automatically (a list's or a robot's pitch gets no standard answer). */
  private static boolean openedByAutomaticMail(ConversationDetails details) {
    return details.firstInbound().map(Message::automatic).orElse(false);
  }

  /** Records that this sender got the answer; false when they had it before. */
  private boolean firstAnswerTo(ConversationSummary conversation) {
    return jdbc.sql("""
        INSERT INTO noise_pitch_answer (sender_key, conversation_id, answered_at) VALUES (:sender, :conversation, :at)
        ON CONFLICT DO NOTHING""")
        .param("sender", "contact:" + conversation.contactId()).param("conversation", conversation.id())
        .param("at", utc(clock.instant())).update() == 1;
  }
}
