package dev.tact.conversation;

import java.time.Instant;
import java.util.UUID;

/** A named inbox query; {@code ownerId} null: shared with every agent (managed by leads and admins). */
public record SavedView(UUID id, String name, UUID ownerId, InboxQuery query, String createdBy, Instant createdAt) {

  public boolean shared() {
    return ownerId == null;
  }

  /** The inbox's link to the view (its query, and the view's id so the page can name it). */
  public String link() {
    String query = query().queryString();
    return "/?" + (query.isEmpty() ? "" : query + "&") + "view=" + id;
  }
}
