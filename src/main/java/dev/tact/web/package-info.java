/**
 * What every page and endpoint shares: security ({@code web.security}), the agent UI's common model and problem
 * pages ({@code web.ui}), the Problem Details mapping and request guards, the OpenAPI description, and the
 * contacts API, which composes several modules ({@code web.api}). Each feature's own pages and API live in its
 * module's {@code web} package (ADR 0027).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
    allowedDependencies = {"audit", "contact", "conversation", "intake", "policy", "shared", "sla", "staff"})
package dev.tact.web;
