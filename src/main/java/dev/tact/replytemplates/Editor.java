package dev.tact.replytemplates;

import java.util.UUID;

/**
 * Who manages or uses templates: the signed-in agent (null id for an API token, which has no personal templates),
 * their name for {@code {{agent.name}}}, and whether they may manage shared templates (leads and admins).
 */
public record Editor(UUID agentId, String name, boolean lead) {}
