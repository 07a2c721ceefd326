package dev.tact.noise;

import java.util.UUID;

/** What noise control decided for one inbound message: one type per outcome, carrying what that outcome needs. */
public sealed interface NoiseDecision {

  enum Outcome {
    NEW,
    FOLLOW_UP,
    DUPLICATE,
    HELD,
    REDELIVERY
  }

  Outcome outcome();

  /** Why, in words. */
  String note();

  /** The conversation the message went to without being filed (a copy, a redelivery), or null. */
  default UUID conversationId() {
    return null;
  }

  /** The linked report the message became or was before, or null. */
  default UUID reportId() {
    return null;
  }

  /** The held group the message waits in, or null. */
  default UUID heldGroupId() {
    return null;
  }

  /** Whether the message is to be filed into a conversation as usual. */
  default boolean files() {
    return outcome() == Outcome.NEW || outcome() == Outcome.FOLLOW_UP;
  }

  /** File it; it may open a conversation (then call {@link NoiseControl#filed}). */
  record New(String note) implements NoiseDecision {
    @Override
    public Outcome outcome() {
      return Outcome.NEW;
    }
  }

  /** It continues a conversation (or names one, or was stored before): file it, nothing was checked. */
  record FollowUp(String note) implements NoiseDecision {
    @Override
    public Outcome outcome() {
      return Outcome.FOLLOW_UP;
    }
  }

  /**
   * A copy of the message that opened {@code conversationId}: it was linked to that conversation as report
   * {@code reportId} and must not be filed.
   */
  record Duplicate(UUID conversationId, UUID reportId, double similarity, String note) implements NoiseDecision {
    @Override
    public Outcome outcome() {
      return Outcome.DUPLICATE;
    }
  }

  /** Past a rate limit: kept in held group {@code heldGroupId} until an agent decides. */
  record Held(UUID heldGroupId, String note) implements NoiseDecision {
    @Override
    public Outcome outcome() {
      return Outcome.HELD;
    }
  }

  /**
   * This very message was kept before (the same external id): as report {@code reportId} of {@code conversationId},
   * or in held group {@code heldGroupId}; nothing more to do.
   */
  record Redelivery(UUID conversationId, UUID reportId, UUID heldGroupId, String note) implements NoiseDecision {
    @Override
    public Outcome outcome() {
      return Outcome.REDELIVERY;
    }
  }

  /** A decision of this outcome that carries only its note. */
  static NoiseDecision of(Outcome outcome, String note) {
    return switch (outcome) {
      case NEW -> new New(note);
      case FOLLOW_UP -> new FollowUp(note);
      case DUPLICATE -> new Duplicate(null, null, 0, note);
      case HELD -> new Held(null, note);
      case REDELIVERY -> new Redelivery(null, null, null, note);
    };
  }
}
