package dev.tact.replytemplates;

import java.util.List;
import java.util.UUID;

/**
 * What an agent asks for when creating or changing a template: its name, body, whether it is shared (leads and
 * admins only) and a macro's actions (status by name such as {@code pending}, tags, team id; null or empty = none).
 */
public record TemplateRequest(String name, String body, boolean shared, String setStatus, List<String> addTags,
    UUID setTeamId) {

  public TemplateRequest {
    addTags = addTags == null ? List.of() : List.copyOf(addTags);
  }
}
