package dev.tact.survey;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer answered (or changed their answer to) the satisfaction survey about a conversation. {@code score} is
 * on a scale of 1 to {@code scale} (2 for good / not good); {@code poor} says the answer counts as a poor experience.
 * The comment is the customer's own words, possibly empty.
 */
public record SurveyAnswered(UUID surveyId, UUID conversationId, UUID contactId, int score, int scale, boolean poor,
    String comment, Instant answeredAt, boolean changed) {}
