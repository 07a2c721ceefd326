/**
 * The demo workspace created on the first start of an empty installation: teams, agents,
 * contacts and conversations, sent through the real intake so they look like real traffic.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo workspace",
    allowedDependencies = {"compose", "conversation", "intake", "sla", "staff"})
package dev.tact.demo;
