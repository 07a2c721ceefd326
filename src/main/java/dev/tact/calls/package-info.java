/**
 * Phone calls agents log: find the contact by any identity or type a new number, the direction, duration, outcome
 * and notes. An inbound call enters through intake like any customer message; an outbound one is first asked of
 * the contact policy, and is recorded in the conversation by the agent with the policy's answer. Entry point:
 * {@link dev.tact.calls.Calls}. See ADR 0033.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calls",
    allowedDependencies = {"contact", "conversation", "intake", "policy", "shared", "staff"})
package dev.tact.calls;
