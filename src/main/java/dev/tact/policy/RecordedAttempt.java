package dev.tact.policy;

import java.util.UUID;

/** One line of the contact-history ledger: the attempt, the decision that allowed it (if any), who made it. */
public record RecordedAttempt(UUID id, UUID contactId, ContactAttempt attempt, UUID decisionId, String actor) {}
