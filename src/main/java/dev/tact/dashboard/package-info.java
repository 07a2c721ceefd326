/**
 * The leads' and admins' home: what customers perceive first (satisfaction, effort, backlog age), then reopened and
 * unresolved work, silent churn and incidents, handle time last. Modules contribute {@link dev.tact.dashboard.DashboardPanel}s;
 * the dashboard filters, draws, tabulates and exports them, and mails the weekly digest.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboards",
    allowedDependencies = {"shared", "staff", "timer"})
package dev.tact.dashboard;
