package dev.tact.policy;

import java.util.UUID;

/** One stored line of a contact's consent ledger, with who recorded it. */
public record ConsentRecord(UUID id, UUID contactId, ConsentEntry entry, String recordedBy) {}
