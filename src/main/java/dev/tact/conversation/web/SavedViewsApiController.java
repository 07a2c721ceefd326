package dev.tact.conversation.web;

import dev.tact.conversation.InboxQuery;
import dev.tact.conversation.SavedView;
import dev.tact.conversation.SavedViews;
import dev.tact.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@RequestMapping("/api/v1/views")
@Tag(name = "Saved views")
class SavedViewsApiController {

  /** query: the inbox's query string (status=open&team=…&sort=priority), as its URL shows it. */
  record ViewRequest(String name, String query, boolean shared) {}

  record ViewResponse(UUID id, String name, boolean shared, String query, String link, String createdBy,
      Instant createdAt) {

    static ViewResponse of(SavedView view) {
      return new ViewResponse(view.id(), view.name(), view.shared(), view.query().queryString(), view.link(),
          view.createdBy(), view.createdAt());
    }
  }

  record ViewCount(UUID id, long count) {}

  private final SavedViews views;

  SavedViewsApiController(SavedViews views) {
    this.views = views;
  }

  @Operation(summary = "The shared views and the caller's own", description = "Shared first, then by name.")
  @GetMapping
  List<ViewResponse> list(Authentication authentication) {
    return views.visibleTo(authentication).stream().map(ViewResponse::of).toList();
  }

  @Operation(summary = "Save a view", description = "shared: leads and admins only (403 otherwise); an API token "
      + "saves shared views only. A name used before (409), blank or over 100 characters (422), or a query with an "
      + "unknown status, channel, priority, SLA state or sort (400/422) saves nothing.")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ViewResponse create(@RequestBody ViewRequest request, Authentication authentication) {
    return ViewResponse.of(views.create(request.name(), InboxQuery.parse(request.query()), request.shared(),
        authentication));
  }

  @Operation(summary = "How many conversations a view holds now", description = "For the caller (mine is theirs).")
  @GetMapping("/{id}/count")
  ViewCount count(@PathVariable UUID id, Authentication authentication) {
    return new ViewCount(id, views.count(views.require(id, authentication), authentication));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id, Authentication authentication) {
    views.delete(id, authentication);
  }
}
