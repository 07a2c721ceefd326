package dev.tact.churn;

import dev.tact.churn.ChurnStore.ContactRow;
import dev.tact.churn.ChurnStore.ExperienceRow;
import dev.tact.shared.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each contact's rhythm and the poor experiences of their latest episode, one row locked at a time. An
 * inbound conversation or a purchase starting a new episode adds an interval and forgets the previous episode's
 * experiences; a signal counts only for the contact's latest conversation (or, for an incident, when it overlaps
 * their latest episode).
 */
@Service
public class ChurnLedger {

  private final ChurnStore store;
  private final ChurnProperties settings;

  ChurnLedger(ChurnStore store, ChurnProperties settings) {
    this.store = store;
    this.settings = settings;
  }

  /** A customer wrote in {@code conversationId}. */
  @Transactional
  public void inbound(UUID contactId, UUID conversationId, Channel channel, Instant at) {
    if (store.insertFirst(contactId, at, conversationId, channel, 0, 0)) {
      return;
    }
    ContactRow row = store.lock(contactId).orElseThrow();
    ContactRhythm rhythm = row.rhythm();
    if (at.isBefore(rhythm.lastEpisodeAt())) {
      return;
    }
    if (conversationId.equals(row.lastConversationId())) {
      store.saveRhythm(contactId, rhythm.after(at, false, settings), settings);
      return;
    }
    boolean newEpisode = rhythm.startsEpisode(at, settings);
    store.saveRhythm(contactId, rhythm.after(at, newEpisode, settings), settings);
    if (newEpisode) {
      store.clearExperiences(contactId);
    }
    store.latestConversation(contactId, conversationId, true, channel);
    store.refresh(contactId);
  }

  /** The contact bought something (the activity API); {@code valueCents} may be 0. */
  @Transactional
  public void purchase(UUID contactId, Instant at, long valueCents) {
    if (store.insertFirst(contactId, at, null, null, 1, valueCents)) {
      return;
    }
    ContactRow row = store.lock(contactId).orElseThrow();
    store.addPurchase(contactId, valueCents);
    if (at.isBefore(row.rhythm().lastEpisodeAt())) {
      return;
    }
    boolean newEpisode = row.rhythm().startsEpisode(at, settings);
    store.saveRhythm(contactId, row.rhythm().after(at, newEpisode, settings), settings);
    if (newEpisode) {
      store.clearExperiences(contactId);
      store.latestConversation(contactId, null, false, null);
    }
    store.refresh(contactId);
  }

  /**
   * Two contacts were merged: the survivor keeps one churn state. Whichever of the two was active last gives its
   * rhythm, latest episode and poor experiences (the other's are of an older episode, which a new one would have
   * forgotten anyway); purchases and value are added up and the earlier first activity is kept.
   */
  @Transactional
  public void merged(UUID survivorId, UUID mergedId) {
    Optional<ContactRow> merged = store.lock(mergedId);
    if (merged.isEmpty()) {
      return;
    }
    Optional<ContactRow> survivor = store.lock(survivorId);
    ContactRow other;
    if (survivor.isEmpty()
        || merged.get().rhythm().lastActivityAt().isAfter(survivor.get().rhythm().lastActivityAt())) {
      store.takeOver(survivorId, mergedId);
      other = survivor.orElse(null);
    } else {
      store.delete(mergedId);
      other = merged.get();
    }
    if (other != null) {
      store.absorb(survivorId, other.rhythm().firstActivityAt(), other.purchases(), other.valueCents());
    }
    store.refresh(survivorId);
  }

  /** A poor experience in a conversation: recorded for the contacts whose latest conversation it is. */
  @Transactional
  public void poor(UUID conversationId, PoorExperience kind, String detail, Instant at) {
    for (UUID contactId : store.contactsWithLatest(conversationId)) {
      store.lock(contactId).filter(row -> conversationId.equals(row.lastConversationId()))
          .ifPresent(row -> {
            store.putExperience(new ExperienceRow(contactId, kind, conversationId, detail, at));
            store.refresh(contactId);
          });
    }
  }

  /**
   * A poor experience in a conversation no longer holds as of {@code at} (a survey answer changed, effort
   * re-measured); one recorded later stays.
   */
  @Transactional
  public void notPoor(UUID conversationId, PoorExperience kind, Instant at) {
    for (UUID contactId : store.contactsWithLatest(conversationId)) {
      store.lock(contactId).filter(row -> conversationId.equals(row.lastConversationId()))
          .ifPresent(row -> {
            store.removeExperience(contactId, kind, at);
            store.refresh(contactId);
          });
    }
  }

  /** The conversation is now solved or closed ({@code open} false) or open again. */
  @Transactional
  public void conversationOpen(UUID conversationId, boolean open) {
    store.conversationOpen(conversationId, open);
  }

  @Transactional
  public void placed(UUID conversationId, UUID teamId, UUID agentId) {
    store.placed(conversationId, teamId, agentId);
  }

  @Transactional
  public void intent(UUID conversationId, String intent) {
    store.intent(conversationId, intent);
  }

  /**
   * An incident running from {@code startedAt} to {@code resolvedAt} (null while open) affects the contact: it
   * precedes their silence when it overlaps their latest episode or began before they were next expected.
   */
  @Transactional
  public void incident(UUID contactId, String description, Instant startedAt, Instant resolvedAt) {
    Optional<ContactRow> locked = store.lock(contactId);
    if (locked.isEmpty()) {
      return;
    }
    ContactRow row = locked.get();
    ContactRhythm rhythm = row.rhythm();
    Duration expectedWithin = row.usualSeconds() == null ? settings.sameEpisode()
        : Duration.ofSeconds(row.usualSeconds());
    boolean overlaps = resolvedAt == null || !resolvedAt.isBefore(rhythm.lastEpisodeAt());
    boolean beforeExpected = startedAt.isBefore(rhythm.lastActivityAt().plus(expectedWithin));
    if (overlaps && beforeExpected) {
      store.putExperience(new ExperienceRow(contactId, PoorExperience.INCIDENT, null, description, startedAt));
      store.refresh(contactId);
    }
  }
}
