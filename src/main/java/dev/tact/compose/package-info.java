/**
 * Compose: what staff write to customers. An agent's reply is added to its conversation and handed
 * to delivery in one transaction, in one visible place ({@link dev.tact.compose.Replies}). Templates,
 * merge fields, the tone check and undo-send will live here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compose",
    allowedDependencies = {"contact", "conversation", "delivery", "noise", "policy", "shared", "staff"})
package dev.tact.compose;
