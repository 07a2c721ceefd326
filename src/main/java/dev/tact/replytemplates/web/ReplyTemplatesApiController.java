package dev.tact.replytemplates.web;

import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationManagement;
import dev.tact.replytemplates.FilledReply;
import dev.tact.replytemplates.MergeFields;
import dev.tact.replytemplates.ReplyTemplates;
import dev.tact.replytemplates.TemplateRequest;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Reply templates and macros over the API. A token sees and uses the shared templates; a lead or admin token may
 * manage them. Bad input answers Problem Details (422 unknown merge field or status, 409 a name taken, 403 a shared
 * template without the lead role) and changes nothing.
 */
@ApiController
@Tag(name = "Reply templates")
class ReplyTemplatesApiController {

  /** A template to create or replace; {@code shared} needs the lead role. */
  record TemplateBody(String name, String body, Boolean shared, String setStatus, List<String> addTags,
      UUID setTeamId) {

    TemplateRequest request() {
      return new TemplateRequest(name, body, shared == null || shared, setStatus, addTags, setTeamId);
    }
  }

  /** What applying a macro left the conversation as. */
  record Applied(UUID conversationId, long number, String status, List<String> tags, UUID teamId) {}

  private final ReplyTemplates templates;
  private final ConversationManagement conversations;
  private final Editors editors;
  private final Actors actors;

  ReplyTemplatesApiController(ReplyTemplates templates, ConversationManagement conversations, Editors editors,
      Actors actors) {
    this.templates = templates;
    this.conversations = conversations;
    this.editors = editors;
    this.actors = actors;
  }

  @GetMapping("/api/v1/reply-templates")
  @Operation(summary = "Templates and macros the caller may use (shared, then their own)")
  List<TemplateView> list(Authentication auth) {
    return templates.visibleTo(editors.of(auth)).stream().map(TemplateView::of).toList();
  }

  @GetMapping("/api/v1/reply-templates/fields")
  @Operation(summary = "The merge fields a template may use, written {{field}}")
  Map<String, String> fields() {
    return MergeFields.KNOWN;
  }

  @PostMapping("/api/v1/reply-templates")
  @Operation(summary = "Create a template", description = "shared defaults to true over the API (a token has no "
      + "personal templates); a macro's setStatus, addTags and setTeamId are optional.")
  ResponseEntity<TemplateView> create(@RequestBody(required = false) TemplateBody body, Authentication auth) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(TemplateView.of(templates.create(required(body).request(), editors.of(auth))));
  }

  @GetMapping("/api/v1/reply-templates/{id}")
  @Operation(summary = "One template")
  TemplateView get(@PathVariable UUID id, Authentication auth) {
    return TemplateView.of(templates.require(id, editors.of(auth)));
  }

  @PutMapping("/api/v1/reply-templates/{id}")
  @Operation(summary = "Replace a template")
  TemplateView update(@PathVariable UUID id, @RequestBody(required = false) TemplateBody body, Authentication auth) {
    return TemplateView.of(templates.update(id, required(body).request(), editors.of(auth)));
  }

  @DeleteMapping("/api/v1/reply-templates/{id}")
  @Operation(summary = "Delete a template")
  ResponseEntity<Void> delete(@PathVariable UUID id, Authentication auth) {
    templates.delete(id, editors.of(auth));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/conversations/{reference}/reply-templates/{id}/preview")
  @Operation(summary = "A template filled in for a conversation", description = "text keeps a field without a value "
      + "as written ({{contact.family_name}}); missing and unknown list such fields; parts mark each piece.")
  FilledReply preview(@PathVariable String reference, @PathVariable UUID id, Authentication auth) {
    return templates.fill(id, conversations.requireByReference(reference).id(), editors.of(auth));
  }

  @PostMapping("/api/v1/conversations/{reference}/reply-templates/{id}/apply")
  @Operation(summary = "Apply a macro's actions (status, tags, team) to a conversation")
  Applied apply(@PathVariable String reference, @PathVariable UUID id, Authentication auth) {
    var c = templates.applyActions(id, conversations.requireByReference(reference).id(), actors.of(auth),
        editors.of(auth));
    return new Applied(c.id(), c.number(), c.status().id(), c.tags(), c.teamId());
  }

  private static TemplateBody required(TemplateBody body) {
    if (body == null) {
      throw ProblemException.invalid("missing-body", "The template is missing.");
    }
    return body;
  }
}
