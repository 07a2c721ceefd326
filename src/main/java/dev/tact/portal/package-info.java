/**
 * The customer portal: a customer asks for a one-time sign-in link (by email, or by text when an SMS way out is
 * configured), opens it, and sees, answers and closes their own conversations, those of every identity of their
 * contact, merged ones included. No registration, no password. Entry point: {@link dev.tact.portal.CustomerPortal}.
 * Replies enter through intake like every inbound message; see ADR 0032.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer portal",
    allowedDependencies = {"contact", "conversation", "delivery", "intake", "policy", "shared"})
package dev.tact.portal;
