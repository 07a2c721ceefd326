/**
 * Silent churn: contacts who used to get in touch (or buy) regularly and went quiet after a poor experience. Each
 * contact's rhythm (their usual interval between episodes, a median over recent history) is kept incrementally from
 * conversation events and the activity API; the poor experiences of their latest episode come from survey answers,
 * SLA breaches, effort measures, status changes and incidents. {@link dev.tact.churn.SilentChurn} lists the overdue
 * ones with the reason, agents reach out through {@code compose.Outreach} (the contact policy decides), and the
 * dashboard gets the SILENT_CHURN panel. See ADR 0041.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Silent churn",
    allowedDependencies = {"compose", "contact", "conversation", "dashboard", "delivery", "effort", "incident",
        "policy", "routing", "shared", "sla", "staff", "survey", "timer"})
package dev.tact.churn;
