package dev.tact.webform.web;

import dev.tact.shared.web.ApiController;
import dev.tact.webform.WebForm;
import dev.tact.webform.WebFormRequest;
import dev.tact.webform.WebForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

/** The web forms, for admins: list, add, change (by slug), delete. */
@ApiController
@RequestMapping("/api/v1/admin/forms")
@Tag(name = "Web forms")
class FormsApiController {

  private final WebForms forms;

  FormsApiController(WebForms forms) {
    this.forms = forms;
  }

  @GetMapping
  @Operation(summary = "All web forms")
  List<WebForm> list() {
    return forms.all();
  }

  @GetMapping("/{slug}")
  @Operation(summary = "One web form")
  WebForm get(@PathVariable String slug) {
    return forms.require(slug);
  }

  @PostMapping
  @Operation(summary = "Add a web form (422 when invalid, 409 when the slug is taken)")
  ResponseEntity<WebForm> create(@RequestBody WebFormRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(forms.create(request));
  }

  @PutMapping("/{slug}")
  @Operation(summary = "Change a web form (its slug stays)")
  WebForm update(@PathVariable String slug, @RequestBody WebFormRequest request) {
    return forms.update(slug, request);
  }

  @DeleteMapping("/{slug}")
  @Operation(summary = "Delete a web form; conversations it opened stay")
  ResponseEntity<Void> delete(@PathVariable String slug) {
    forms.delete(slug);
    return ResponseEntity.noContent().build();
  }
}
