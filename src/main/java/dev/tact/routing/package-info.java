/**
 * Routing: what a new conversation is about ({@link dev.tact.routing.IntentModel}, trained by {@link
 * dev.tact.routing.IntentTrainer}) and, later, which team and agent take it. The classifier itself is plain Java
 * (sub-package {@code intent}, no Spring) so that it can be measured and trained anywhere.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing",
    allowedDependencies = {"audit", "contact", "conversation", "mail", "shared", "staff", "timer"})
package dev.tact.routing;
