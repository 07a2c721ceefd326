package dev.tact.replytemplates.web;

import dev.tact.replytemplates.ReplyTemplate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A template as the API and the pages show it. */
record TemplateView(UUID id, String name, String body, boolean shared, UUID ownerId, String setStatus,
    List<String> addTags, UUID setTeamId, boolean macro, Instant updatedAt) {

  static TemplateView of(ReplyTemplate t) {
    return new TemplateView(t.id(), t.name(), t.body(), t.shared(), t.ownerId(),
        t.setStatus() == null ? null : t.setStatus().id(), t.addTags(), t.setTeamId(), t.macro(), t.updatedAt());
  }
}
