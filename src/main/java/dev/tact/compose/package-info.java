/**
 * Compose: what staff write to customers. An agent's reply is added to its conversation and handed
 * to delivery in one transaction, in one visible place ({@link dev.tact.compose.Replies}), after deciding where it
 * goes (the conversation's way, or another identity of the contact the contact policy allows) and asking the policy;
 * {@link dev.tact.compose.Outreach} starts a conversation by email or text (ADR 0029). Templates, merge fields, the
 * tone check and undo-send will live here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compose",
    allowedDependencies = {"contact", "conversation", "delivery", "intake", "mail", "noise", "policy", "shared",
        "staff", "timer", "tone"})
package dev.tact.compose;
