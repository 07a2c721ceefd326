package dev.tact.policy;

import java.time.Instant;
import java.util.UUID;

/**
 * A decision as the audit keeps it: {@code id} is the decision's token (to cite in the
 * contact-history ledger and in the "why not?" view), with the question, the answer and who asked.
 */
public record AuditedDecision(UUID id, DecisionRequest request, Decision decision, String askedBy,
    Instant decidedAt) {}
