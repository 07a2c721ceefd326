package dev.tact.search.web;

import dev.tact.search.ConversationSearch;
import dev.tact.search.SearchAdmin;
import dev.tact.search.SearchResults;
import dev.tact.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Search over the API, and the admin's view of this node's index and its rebuild. */
@ApiController
@Tag(name = "Search")
class SearchApiController {

  private final ConversationSearch search;
  private final SearchAdmin admin;

  SearchApiController(ConversationSearch search, SearchAdmin admin) {
    this.search = search;
    this.admin = admin;
  }

  @GetMapping("/api/v1/search")
  @Operation(summary = "Search conversations and contacts",
      description = "Every word must be found: in the subject, messages (new and whole text), notes, tags, the "
          + "contact's name or identities; a number finds that conversation. Accents and case do not matter; English "
          + "words match their other forms. Filters (conversations only): status (repeatable), team, assignee, "
          + "channel, from and to (days, yyyy-mm-dd, UTC, to included) on the last activity. Highlights are HTML "
          + "with the text escaped and the words found in <mark>.")
  SearchResults search(@RequestParam(required = false) String q,
      @RequestParam(required = false) List<String> status, @RequestParam(required = false) String team,
      @RequestParam(required = false) String assignee, @RequestParam(required = false) String channel,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer limit) {
    return search.search(new SearchParameters(q, status, team, assignee, channel, from, to, limit).request());
  }

  @GetMapping("/api/v1/admin/search")
  @Operation(summary = "This node's search index", description = "Its feed position, the feed's end, documents.")
  SearchAdmin.Status status() {
    return admin.status();
  }

  @PostMapping("/api/v1/admin/search/rebuild")
  @Operation(summary = "Rebuild this node's search index from the database",
      description = "Runs in the background; searches answer from the old index until it is done.")
  ResponseEntity<SearchAdmin.Status> rebuild() {
    admin.requestRebuild();
    return ResponseEntity.accepted().body(admin.status());
  }
}
