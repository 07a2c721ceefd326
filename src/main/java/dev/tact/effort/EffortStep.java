package dev.tact.effort;

import dev.tact.shared.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * One thing the effort module heard of a conversation. {@code key} names what the event was about (a message's id,
 * a change's moment), so that the same event delivered twice is the same step.
 */
record EffortStep(String key, Kind kind, Instant at, Channel channel, UUID contactId, UUID refId, String detail) {

  enum Kind {
    /** The conversation was opened (channel, contact). */
    OPENED,
    /** A message the customer wrote (not automatic mail). */
    CUSTOMER,
    /** An agent's reply that reached the customer. */
    REPLY,
    /** The conversation was given a team ({@code refId}). */
    TEAM,
    /** The conversation was given an agent ({@code refId}). */
    AGENT,
    /** The conversation moved up a tier. */
    TIER,
    /** The conversation was opened again after it was solved or closed. */
    REOPEN,
    /** The front door decided what it is about ({@code detail}). */
    INTENT
  }
}
