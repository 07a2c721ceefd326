package dev.tact.policy;

import java.util.UUID;

/**
 * One line of the contact-history ledger: the attempt, the decision that allowed it (none for an attempt made
 * outside Tact), who made or reported it, and where it was made when not through Tact ({@code source}, else null).
 */
public record RecordedAttempt(UUID id, UUID contactId, ContactAttempt attempt, UUID decisionId, String actor,
    String source) {}
