package dev.tact.contact;

import java.time.Instant;
import java.util.UUID;

/** The record of a merge: who merged which contact into which, when, and how many identities moved. */
public record ContactMerge(UUID id, UUID survivorId, UUID mergedId, String mergedBy, Instant mergedAt, int identities) {}
