package dev.tact.noise;

import java.time.Instant;

/**
 * Where vendor pitches go and what their senders are told, as in force.
 *
 * @param owner the agent (email) or team (name) pitches are given to; "" for nobody
 * @param answer whether a pitch's sender gets the standard answer (once per sender, never for automatic mail)
 * @param answerText the standard answer
 * @param stored true when an admin saved these; false when they come from {@code tact.noise.vendor-pitch-*}
 * @param updatedBy who saved them, null when they come from the configuration
 */
public record VendorPitchSettings(String owner, boolean answer, String answerText, boolean stored, String updatedBy,
    Instant updatedAt) {

  /** The changes an admin asks for; a blank answer text keeps the text in force. */
  public record Change(String owner, Boolean answer, String answerText) {}
}
