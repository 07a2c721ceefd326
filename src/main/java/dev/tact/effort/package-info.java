/**
 * Customer effort per conversation: the messages the customer had to send, hand-offs, reopens, channel switches,
 * repeat contacts about the same topic and the business time they waited, folded into one explained score
 * ({@link dev.tact.effort.EffortScore}), kept per conversation from conversation and routing events, shown on the
 * conversation page and in the API, and aggregated on the dashboard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer effort",
    allowedDependencies = {"conversation", "dashboard", "routing", "shared", "sla", "staff", "timer"})
package dev.tact.effort;
