/**
 * What people and integrations touch: the REST API under /api/v1 ({@code web.api}), the agent
 * UI ({@code web.ui}), security ({@code web.security}) and the Problem Details mapping.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package dev.tact.web;
