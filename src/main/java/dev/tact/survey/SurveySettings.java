package dev.tact.survey;

import java.time.Instant;

/**
 * Whether surveys are sent when conversations are solved, and on which scale (2: good / not good; 5: 1 to 5).
 *
 * @param updatedBy who saved them; null for the defaults (on, good / not good)
 */
public record SurveySettings(boolean enabled, int scale, String updatedBy, Instant updatedAt) {

  public static final SurveySettings DEFAULTS = new SurveySettings(true, 2, null, null);

  /** What an admin sends to change them. */
  public record Change(Boolean enabled, Integer scale) {}
}
