package dev.tact.compose;

import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Status;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import dev.tact.timer.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undo send (ADR 0036): a reply is held here, not yet in the conversation nor the outbox, for its agent's undo window
 * plus any cool-off, and a durable timer releases it through {@link Replies#reply} when the hold ends (on whichever
 * node takes the timer). Undo and release each leave HELD by one conditional update of the same row, so exactly one
 * of them wins: an undo after the release began waits for it and answers that it is too late; a release after an
 * undo finds nothing to send. Undo first removes the timer, in the order the release locks them (timer, then row).
 */
@Service
public class HeldReplies {

  static final String TIMER = "compose.send-held";
  private static final Logger log = LoggerFactory.getLogger(HeldReplies.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final HeldReplyStore store;
  private final Replies replies;
  private final ConversationManagement conversations;
  private final Drafts drafts;
  private final Timers timers;
  private final Clock clock;

  HeldReplies(HeldReplyStore store, Replies replies, ConversationManagement conversations, Drafts drafts,
      Timers timers, Clock clock) {
    this.store = store;
    this.replies = replies;
    this.conversations = conversations;
    this.drafts = drafts;
    this.timers = timers;
    this.clock = clock;
  }

  /** Holds a reply for {@code hold} (positive) and schedules its release; answers the held reply. */
  @Transactional
  HeldReply hold(ConversationSummary conversation, Actor author, String text, String signature, Replies.Options options,
      Duration hold, Duration coolOff) {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as the database keeps it
    HeldReply held = new HeldReply(Ids.newId(), conversation.id(), author, text, signature, options.via(),
        options.cc(), options.bcc(), options.thenStatus(), HeldReply.State.HELD, now.plus(hold),
        (int) coolOff.toSeconds(), null, null, now, null);
    store.insert(held);
    store.insertAttachments(held.id(), options.attachments());
    timers.schedule(TIMER, held.id().toString(), held.sendAt(), null);
    return held;
  }

  public Optional<HeldReply> find(UUID id) {
    return store.find(id);
  }

  /** The replies of this conversation still waiting to leave. */
  public List<HeldReply> heldIn(UUID conversationId) {
    return store.heldIn(conversationId);
  }

  /**
   * Undoes a held reply: it is never written nor sent, and its text goes back into its agent's draft. Only its author
   * may (an agent, or the API token that sent it; 403 otherwise); undone already answers the same again; released:
   * 409 {@code too-late}; failed on release: 409 {@code not-sent}.
   */
  @Transactional
  public HeldReply undo(UUID id, Actor actor) {
    HeldReply held = store.find(id).orElseThrow(() -> notFound(id));
    if (!sameAuthor(held.author(), actor)) {
      throw new ProblemException(403, "not-your-reply", "Not your reply", "Only " + held.author().name()
          + ", who wrote it, can undo this reply.");
    }
    timers.cancel(TIMER, id.toString());
    if (store.leaveHeld(id, HeldReply.State.UNDONE, clock.instant())) {
      store.forgetAttachments(id);
      giveBack(held);
      return store.find(id).orElseThrow();
    }
    HeldReply now = store.find(id).orElseThrow();
    return switch (now.state()) {
      case UNDONE -> now;
      case RELEASED -> throw ProblemException.conflict("too-late", "Too late to undo: the reply was handed to "
          + "delivery at " + TIME.format(now.decidedAt()) + ".");
      case FAILED -> throw ProblemException.conflict("not-sent", "The reply was not sent: " + now.reason()
          + " Its text is back in your reply box.");
      case HELD -> throw new IllegalStateException("held reply " + id + " is still held");
    };
  }

  /**
   * The timer's work, in its transaction: writes the reply to the conversation and the outbox as {@link
   * Replies#reply} does, sets the status the agent chose, and forgets the agent's draft. A conversation closed
   * meanwhile, or a way the contact policy now denies, fails the held reply with the reason and gives the text back.
   */
  @Transactional
  public void release(UUID id) {
    Instant now = clock.instant();
    if (!store.leaveHeld(id, HeldReply.State.RELEASED, now)) {
      return; // undone meanwhile: nothing to send
    }
    HeldReply held = store.find(id).orElseThrow();
    Optional<String> whyNot = whyNotNow(held);
    if (whyNot.isPresent()) {
      store.failed(id, whyNot.get());
      store.forgetAttachments(id);
      giveBack(held);
      log.info("Held reply {} in conversation {} not sent: {}", id, held.conversationId(), whyNot.get());
      return;
    }
    Replies.Replied replied = replies.reply(held.conversationId(), held.author(), held.finalText(),
        new Replies.Options(held.via(), held.cc(), held.bcc(), null, false, store.attachments(id)));
    store.released(id, replied.message().id());
    store.forgetAttachments(id);
    if (held.thenStatus() != null) {
      conversations.changeStatus(held.conversationId(), held.author(), held.thenStatus());
    }
    if (held.author().id() != null) {
      drafts.delete(held.author().id(), held.conversationId());
    }
  }

  static ProblemException notFound(UUID id) {
    return new ProblemException(404, "held-reply-not-found", "Held reply not found", "No held reply with id " + id
        + ".");
  }

  /** An agent by id; an API token (no id) by its name. */
  private static boolean sameAuthor(Actor author, Actor actor) {
    return author.id() != null ? author.id().equals(actor.id())
        : actor.id() == null && author.kind() == actor.kind() && author.name().equals(actor.name());
  }

  private Optional<String> whyNotNow(HeldReply held) {
    ConversationSummary c = conversations.requireByReference(held.conversationId().toString());
    if (c.status() == Status.CLOSED) {
      return Optional.of("conversation #" + c.number() + " was closed meanwhile.");
    }
    if (held.via().chosen()) {
      Replies.Checked checked = replies.check(held.conversationId(), held.via(), held.author());
      if (checked.decision() != null && !checked.allowed()) {
        return Optional.of("the contact policy no longer allows it: " + checked.decision().decision().summary());
      }
    }
    return Optional.empty();
  }

  private void giveBack(HeldReply held) {
    if (held.author().id() != null) {
      drafts.save(held.author().id(), held.conversationId(), held.body(), held.cc(), held.bcc());
    }
  }
}
