package dev.tact.calls;

import dev.tact.policy.Purpose;
import java.util.UUID;

/**
 * A call an agent logs.
 *
 * @param contactId the contact, when the agent found one (null: the number decides, a new one becomes a contact)
 * @param number the number called or calling, as typed (null: the contact's first phone number)
 * @param conversation the conversation (id or number) the call continues; null opens a new one
 * @param subject the subject of a new conversation (null: "Phone call")
 * @param purpose why we call (outbound): support or sales, as the contact policy weighs it
 * @param decisionId the contact policy's decision the agent saw before an outbound call
 */
public record CallRequest(UUID contactId, String number, CallDirection direction, CallOutcome outcome,
    int durationSeconds, String notes, String conversation, String subject, Purpose purpose, UUID decisionId) {}
