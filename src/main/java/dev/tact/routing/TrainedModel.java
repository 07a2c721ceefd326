package dev.tact.routing;

import java.time.Instant;
import java.util.UUID;

/** A model trained from the seed phrases and what agents taught by moving conversations. */
public record TrainedModel(UUID id, int examples, int learnedFromAgents, String trainedBy, Instant trainedAt) {}
