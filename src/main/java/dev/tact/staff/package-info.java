/**
 * Agents, teams and their membership, roles, and API tokens for integrations. Other modules
 * ask {@link dev.tact.staff.StaffDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff",
    allowedDependencies = {"audit", "mail", "shared"})
package dev.tact.staff;
