package dev.tact.chat;

import dev.tact.compose.Replies;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.delivery.OutboundRequest;
import dev.tact.delivery.Outbox;
import dev.tact.intake.Acknowledgement;
import dev.tact.intake.InboundItem;
import dev.tact.intake.InboundItems;
import dev.tact.intake.ItemState;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.shared.ControlCharacters;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import dev.tact.sla.BusinessCalendar;
import dev.tact.sla.TeamCalendars;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.timer.Timers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chat widget's one entry: visitors start chats and write lines, agents accept them (only one gets each) and
 * answer with replies, and a chat that ends goes on by email. Every visitor line reaches its conversation through
 * intake: the first opens it (filed by the one road), the later ones name it. Every change is announced on the
 * {@link ChatBus} after it commits.
 */
@Service
public class Chats {

  static final String NO_AGENT_TIMER = "chat.no-agent";
  static final String VISITOR_GONE_TIMER = "chat.visitor-gone";
  static final String FILING_TIMER = "chat.filing";
  static final int WAITING_SHOWN = 100;
  static final java.time.Duration FILING_CHECK = java.time.Duration.ofSeconds(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What the widget promises now: a live answer during the team's business hours, else an answer by email. */
  public record Availability(boolean live, String text) {}

  /** A chat just started: the visitor's token (shown once, only its hash is kept) and the first line. */
  public record Started(ChatSession chat, String token, ChatLine line, UUID itemId) {}

  private final ChatStore store;
  private final ChatBus bus;
  private final MessageIntake intake;
  private final InboundItems items;
  private final IdentityParser identities;
  private final ConversationManagement conversations;
  private final Replies replies;
  private final Outbox outbox;
  private final Timers timers;
  private final TeamCalendars calendars;
  private final StaffDirectory staff;
  private final ChatProperties properties;
  private final Clock clock;
  private final TransactionTemplate tx;

  Chats(ChatStore store, ChatBus bus, MessageIntake intake, InboundItems items, IdentityParser identities,
      ConversationManagement conversations, Replies replies, Outbox outbox, Timers timers, TeamCalendars calendars,
      StaffDirectory staff, ChatProperties properties, Clock clock, TransactionTemplate tx) {
    this.store = store;
    this.bus = bus;
    this.intake = intake;
    this.items = items;
    this.identities = identities;
    this.conversations = conversations;
    this.replies = replies;
    this.outbox = outbox;
    this.timers = timers;
    this.calendars = calendars;
    this.staff = staff;
    this.properties = properties;
    this.clock = clock;
    this.tx = tx;
    bus.subscribe(this::on);
  }

  public boolean enabled() {
    return properties.enabled();
  }

  public Availability availability() {
    boolean open = calendar().isOpen(clock.instant());
    return open ? new Availability(true, "We reply within minutes.")
        : new Availability(false, "We are away now: leave your email and we reply by email.");
  }

  private BusinessCalendar calendar() {
    if (properties.team().isBlank()) {
      return calendars.defaultCalendar();
    }
    return staff.teamByName(properties.team()).map(t -> calendars.calendar(t.id()))
        .orElseGet(calendars::defaultCalendar);
  }

  // ---- visitors

  /**
   * Starts a chat with the visitor's first line. The line is in intake's log before anything else is written; the
   * answer carries the token that is the visitor's only permission for this chat.
   */
  public Started start(String name, String email, String text, String origin) {
    requireEnabled();
    String line = requireLine(text);
    String visitorName = blankToNull(name);
    if (visitorName != null && (visitorName.length() > 200 || ControlCharacters.firstIn(visitorName) >= 0)) {
      throw ProblemException.invalid("invalid-name", "A name is one line of at most 200 characters.");
    }
    String address = blankToNull(email) == null ? null : identities.email(email).value();
    if (address == null && !availability().live()) {
      throw ProblemException.invalid("email-required",
          "We are away now and answer by email: give your email address to start the chat.");
    }
    UUID chatId = Ids.newId();
    String token = newToken();
    String sender = address != null ? address : "chat:" + chatId;
    String subject = "Chat: " + firstWords(line, 80);
    Acknowledgement ack = intake.submit(new MessageSubmission(Channel.CHAT.id(), sender, visitorName, null, null,
        subject, line, externalId(chatId, 1), "chat:" + chatId, null));
    Instant now = clock.instant();
    String cleanOrigin = origin == null ? null : ControlCharacters.singleLine(origin);
    return tx.execute(status -> {
      store.insert(chatId, sha256(token), visitorName, address, sender,
          cleanOrigin == null || cleanOrigin.length() > 300 ? null : cleanOrigin, ack.messageId(), ack.itemId(), now);
      ChatSession chat = store.lock(chatId).orElseThrow();
      ChatLine first = store.append(chat, ChatLine.Kind.VISITOR, visitorName == null ? "Visitor" : visitorName, line,
          ack.messageId(), false, now);
      timers.schedule(NO_AGENT_TIMER, chatId.toString(), now.plus(properties.acceptTimeout()), null);
      timers.schedule(FILING_TIMER, chatId.toString(), now.plus(FILING_CHECK), null);
      bus.publish(ChatSignal.of(ChatSignal.STATE, chatId));
      bus.publish(ChatSignal.of(ChatSignal.LINE, chatId));
      return new Started(store.find(chatId).orElseThrow(), token, first, ack.itemId());
    });
  }

  /** The chat, when the token is its own; 404 otherwise (a wrong token and no chat look the same). */
  public ChatSession requireVisitor(UUID chatId, String token) {
    requireEnabled();
    Optional<String> hash = store.tokenHash(chatId);
    if (token == null || hash.isEmpty() || !MessageDigest.isEqual(hash.get().getBytes(StandardCharsets.US_ASCII),
        sha256(token).getBytes(StandardCharsets.US_ASCII))) {
      throw new ProblemException(404, "chat-not-found", "Chat not found",
          "No chat with this id and token: start a new chat.");
    }
    return store.find(chatId).orElseThrow();
  }

  /** A visitor's next line: stored at once, and handed to intake naming the conversation (or as soon as it is known). */
  public ChatLine visitorSays(UUID chatId, String token, String text) {
    requireVisitor(chatId, token);
    String line = requireLine(text);
    return tx.execute(status -> {
      ChatSession chat = store.lock(chatId).orElseThrow();
      if (chat.state() == ChatSession.State.ENDED) {
        throw ProblemException.conflict("chat-ended", "This chat has ended: we answer by email, or start a new chat.");
      }
      submitPending(chat);
      ChatLine added = store.append(chat, ChatLine.Kind.VISITOR,
          chat.visitorName() == null ? "Visitor" : chat.visitorName(), line, null, chat.conversationId() == null,
          clock.instant());
      if (chat.conversationId() != null) {
        submit(chat, added);
      }
      bus.publish(ChatSignal.of(ChatSignal.LINE, chatId));
      return added;
    });
  }

  public void visitorTyping(UUID chatId, String token) {
    ChatSession chat = requireVisitor(chatId, token);
    bus.publish(new ChatSignal(ChatSignal.TYPING, chatId, "visitor",
        chat.visitorName() == null ? "Visitor" : chat.visitorName(), true));
  }

  public void visitorLeaves(UUID chatId, String token) {
    requireVisitor(chatId, token);
    end(chatId, "LEFT");
  }

  // ---- agents

  /** The chats waiting longest for an agent (at most {@value #WAITING_SHOWN}). */
  public List<ChatSession> waiting() {
    return store.waiting(WAITING_SHOWN);
  }

  public List<ChatSession> activeOf(UUID agentId) {
    return store.activeOf(agentId);
  }

  public Map<UUID, String> firstLines(List<UUID> chatIds) {
    return store.firstLines(chatIds);
  }

  public ChatSession require(UUID chatId) {
    return store.find(chatId).orElseThrow(() -> ProblemException.notFound("chat", chatId));
  }

  public List<ChatLine> lines(UUID chatId, long afterSeq) {
    return store.linesAfter(chatId, afterSeq);
  }

  /**
   * The agent takes the chat. Only one agent gets it: the first whose conditional update finds it still waiting;
   * the others get a 409. A chat whose first line is not filed yet cannot be taken (409, try again).
   */
  public ChatSession accept(UUID chatId, Agent agent) {
    return tx.execute(status -> {
      ChatSession chat = store.lock(chatId).orElseThrow(() -> ProblemException.notFound("chat", chatId));
      if (chat.state() != ChatSession.State.WAITING) {
        throw ProblemException.conflict("chat-taken", chat.state() == ChatSession.State.ENDED
            ? "This chat has ended." : "Another agent (" + chat.agentName() + ") took this chat.");
      }
      if (chat.conversationId() == null) {
        throw ProblemException.conflict("chat-not-filed",
            "The chat's first message is still being filed; try again in a moment.");
      }
      Instant now = clock.instant();
      if (!store.accept(chatId, agent.id(), agent.displayName(), now)) {
        throw ProblemException.conflict("chat-taken", "Another agent took this chat.");
      }
      submitPending(chat);
      Actor actor = Actor.agent(agent.id(), agent.displayName());
      conversations.assign(chat.conversationId(), actor, agent.id(), null);
      store.append(chat, ChatLine.Kind.SYSTEM, null, agent.displayName() + " joined the chat.", null, false, now);
      timers.cancel(NO_AGENT_TIMER, chatId.toString());
      bus.publish(ChatSignal.of(ChatSignal.STATE, chatId));
      bus.publish(ChatSignal.of(ChatSignal.LINE, chatId));
      return store.find(chatId).orElseThrow();
    });
  }

  /**
   * The agent's line is a reply in the chat's conversation ({@code compose.Replies}); {@link ChatEvents} adds it to
   * the chat in the same transaction, as it does for a reply written on the conversation's page.
   */
  public ChatLine agentSays(UUID chatId, Agent agent, String text) {
    String line = requireLine(text);
    return tx.execute(status -> {
      ChatSession chat = store.lock(chatId).orElseThrow(() -> ProblemException.notFound("chat", chatId));
      if (chat.state() != ChatSession.State.ACTIVE) {
        throw ProblemException.conflict("chat-not-active", chat.state() == ChatSession.State.ENDED
            ? "This chat has ended: answer in the conversation, by email." : "Accept the chat first.");
      }
      if (!agent.id().equals(chat.agentId())) {
        throw new ProblemException(403, "not-your-chat", "Not your chat",
            chat.agentName() + " has this chat; answer in the conversation instead.");
      }
      UUID messageId = replies.reply(chat.conversationId(), Actor.agent(agent.id(), agent.displayName()), line).id();
      return store.lineOfMessage(messageId).orElseThrow();
    });
  }

  public void agentTyping(UUID chatId, Agent agent) {
    ChatSession chat = require(chatId);
    if (agent.id().equals(chat.agentId()) && chat.state() == ChatSession.State.ACTIVE) {
      bus.publish(new ChatSignal(ChatSignal.TYPING, chatId, "agent", agent.displayName(), true));
    }
  }

  public void agentEnds(UUID chatId, Agent agent) {
    ChatSession chat = require(chatId);
    if (chat.agentId() != null && !agent.id().equals(chat.agentId())) {
      throw new ProblemException(403, "not-your-chat", "Not your chat", chat.agentName() + " has this chat.");
    }
    end(chatId, "AGENT_ENDED");
  }

  // ---- presence and endings

  /** A visitor's stream opened on some node: the chat is not left. */
  void visitorConnected(UUID chatId) {
    tx.executeWithoutResult(status -> {
      store.seen(chatId, true, clock.instant());
      timers.cancel(VISITOR_GONE_TIMER, chatId.toString());
    });
  }

  /** A visitor's stream closed: unless it comes back in time, the visitor has left. */
  void visitorDisconnected(UUID chatId) {
    tx.executeWithoutResult(status -> {
      ChatSession chat = store.find(chatId).orElse(null);
      if (chat != null && chat.state() != ChatSession.State.ENDED) {
        timers.schedule(VISITOR_GONE_TIMER, chatId.toString(), clock.instant().plus(properties.visitorGone()), null);
      }
    });
  }

  void publishPresence(UUID chatId, ChatStreams.Side side, String name, boolean online) {
    bus.publish(new ChatSignal(ChatSignal.PRESENCE, chatId, side.name().toLowerCase(java.util.Locale.ROOT), name,
        online));
  }

  void seen(UUID chatId, boolean visitor) {
    store.seen(chatId, visitor, clock.instant());
  }

  /** Fired by the no-agent timer (in its transaction): a chat still waiting goes on by email. */
  void noAgentCame(UUID chatId) {
    store.find(chatId).filter(c -> c.state() == ChatSession.State.WAITING).ifPresent(c -> end(chatId, "NO_AGENT"));
  }

  /** Fired by the visitor-gone timer: a chat whose visitor did not come back ends. */
  void visitorGone(UUID chatId) {
    Instant limit = clock.instant().minus(properties.visitorGone()).plusSeconds(1);
    store.find(chatId).filter(c -> c.state() != ChatSession.State.ENDED)
        .filter(c -> c.visitorSeenAt() == null || c.visitorSeenAt().isBefore(limit))
        .ifPresent(c -> end(chatId, "LEFT"));
  }

  void end(UUID chatId, String reason) {
    tx.executeWithoutResult(status -> {
      ChatSession chat = store.lock(chatId).orElseThrow(() -> ProblemException.notFound("chat", chatId));
      Instant now = clock.instant();
      if (!store.end(chatId, reason, now)) {
        return;
      }
      timers.cancel(NO_AGENT_TIMER, chatId.toString());
      timers.cancel(VISITOR_GONE_TIMER, chatId.toString());
      store.append(chat, ChatLine.Kind.SYSTEM, null, endingText(reason, chat.visitorEmail()), null, false, now);
      if (chat.conversationId() == null) {
        adoptFromIntake(chatId);
      }
      submitPending(store.find(chatId).orElseThrow());
      ChatSession ended = store.find(chatId).orElseThrow();
      if (ended.conversationId() != null) {
        goOnByEmail(ended);
      }
      bus.publish(ChatSignal.of(ChatSignal.STATE, chatId));
      bus.publish(ChatSignal.of(ChatSignal.LINE, chatId));
    });
  }

  private static String endingText(String reason, String email) {
    String by = email == null ? "Leave us your email in a new chat if you want an answer by email."
        : "We answer by email at " + email + ", and send you this chat's transcript.";
    return switch (reason) {
      case "NO_AGENT" -> "No one could take the chat just now. " + by;
      case "AGENT_ENDED" -> "The agent ended the chat. " + by;
      default -> "The chat has ended. " + by;
    };
  }

  /**
   * The chat's conversation goes on by email: its channel becomes email (so replies are mailed) and the transcript
   * is queued through the outbox, which asks the contact policy. Without an address it stays a chat conversation,
   * and its history says why nothing was sent. Once per chat.
   */
  private void goOnByEmail(ChatSession chat) {
    if (chat.transcriptQueued()) {
      return;
    }
    Optional<ConversationSummary> found = conversations.findByReference(chat.conversationId().toString());
    if (found.isEmpty()) {
      return;
    }
    ConversationSummary conversation = found.get();
    if (chat.visitorEmail() == null) {
      conversations.recordHistory(conversation.id(), Actor.system(), "CHAT_ENDED",
          "the chat ended (" + chat.endReason() + "); the visitor gave no email address, so no transcript was sent");
    } else {
      conversations.changeChannel(conversation.id(), Actor.system(), Channel.EMAIL,
          "the chat ended (" + chat.endReason() + "); answered by email from now on");
      outbox.queue(new OutboundRequest(conversation.contactId(), "Your chat with us [#" + conversation.number() + "]",
          transcript(chat), Purpose.TRANSACTIONAL, "chat-transcript:" + chat.id()), "chat");
    }
    store.markTranscriptQueued(chat.id());
  }

  String transcript(ChatSession chat) {
    ZoneId zone = calendar().zone();
    DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    StringBuilder text = new StringBuilder();
    text.append("Hello").append(chat.visitorName() == null ? "" : " " + chat.visitorName()).append(",\n\n")
        .append("Here is the transcript of your chat with us. Anything still open we answer by email: just reply ")
        .append("to this message.\n\n");
    for (ChatLine line : store.linesAfter(chat.id(), 0)) {
      String who = switch (line.kind()) {
        case VISITOR -> "You";
        case AGENT -> line.author() == null ? "Support" : line.author();
        case SYSTEM -> "—";
      };
      text.append(time.format(line.at())).append(' ').append(who).append(": ").append(line.text()).append('\n');
    }
    text.append("\n(times in ").append(zone.getId()).append(")\n");
    return text.toString();
  }

  // ---- intake

  /**
   * Fired by the filing timer while the chat does not know its conversation. Intake may have put the first line
   * somewhere other than a new conversation (noise control joined it to the visitor's earlier conversation as a
   * report, or it was a redelivery): then no message was added, and the chat takes the conversation intake
   * recorded on the item. Still in the log: look again later.
   */
  void checkFiling(UUID chatId) {
    ChatSession chat = store.find(chatId).orElse(null);
    if (chat == null || chat.conversationId() != null) {
      return;
    }
    Optional<InboundItem> item = store.firstItem(chatId).flatMap(items::find);
    if (item.isPresent() && item.get().state() == ItemState.PENDING) {
      timers.schedule(FILING_TIMER, chatId.toString(), clock.instant().plus(FILING_CHECK), null);
      return;
    }
    adoptFromIntake(chatId);
  }

  /** Takes the conversation intake recorded for the chat's first line, once it is processed; false if none (yet). */
  private boolean adoptFromIntake(UUID chatId) {
    Optional<UUID> conversation = store.firstItem(chatId).flatMap(items::find)
        .filter(item -> item.state() != ItemState.PENDING).map(InboundItem::conversationId);
    if (conversation.isEmpty() || !store.adoptConversation(chatId, conversation.get())) {
      return false;
    }
    bus.publish(ChatSignal.of(ChatSignal.FILED, chatId));
    return true;
  }

  /** Handles signals from every node: once a chat's conversation is filed, its waiting lines go to intake. */
  private void on(ChatSignal signal) {
    if (ChatSignal.FILED.equals(signal.kind()) && signal.chat() != null) {
      settle(signal.chat());
    }
  }

  /** Hands the chat's waiting lines to intake and, for a chat that ended before it was filed, goes on by email. */
  void settle(UUID chatId) {
    tx.executeWithoutResult(status -> {
      ChatSession chat = store.lock(chatId).orElse(null);
      if (chat == null || chat.conversationId() == null) {
        return;
      }
      submitPending(chat);
      if (chat.state() == ChatSession.State.ENDED) {
        goOnByEmail(chat);
      }
    });
  }

  private void submitPending(ChatSession locked) {
    if (locked.conversationId() == null) {
      return;
    }
    for (ChatLine line : store.pending(locked.id())) {
      submit(locked, line);
    }
  }

  /** A later visitor line, through intake, naming the chat's conversation; the same line twice is one message. */
  private void submit(ChatSession chat, ChatLine line) {
    Acknowledgement ack = intake.submit(new MessageSubmission(Channel.CHAT.id(), senderOf(chat), chat.visitorName(),
        null, null, null, line.text(), externalId(chat.id(), line.seq()), "chat:" + chat.id(),
        chat.conversationId().toString()));
    store.submitted(chat.id(), line.seq(), ack.messageId());
  }

  private String senderOf(ChatSession chat) {
    return chat.visitorEmail() != null ? chat.visitorEmail() : "chat:" + chat.id();
  }

  static String externalId(UUID chatId, long seq) {
    return "chat:" + chatId + ":" + seq;
  }

  // ---- helpers

  private void requireEnabled() {
    if (!properties.enabled()) {
      throw new ProblemException(404, "chat-disabled", "Chat is off", "The chat widget is not enabled here.");
    }
  }

  private String requireLine(String text) {
    if (text == null || text.isBlank()) {
      throw ProblemException.invalid("empty-line", "Write something first.");
    }
    if (text.length() > properties.maxLineLength()) {
      throw new ProblemException(413, "line-too-long", "Line too long",
          "A line has at most " + properties.maxLineLength() + " characters.");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\r' && c != '\t' && ControlCharacters.isControl(c)) {
        throw ProblemException.invalid("control-characters", "A line may hold line breaks and tabs, but no other "
            + "control characters (U+" + String.format("%04X", (int) c) + " at position " + i + ").");
      }
    }
    return text.strip();
  }

  private static String firstWords(String text, int max) {
    String one = text.strip().replaceAll("\\s+", " ");
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
