package dev.tact.conversation.web;

import dev.tact.conversation.InboxQuery;
import dev.tact.conversation.SavedView;
import dev.tact.conversation.SavedViews;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Saving the inbox's current filters and sort as a view, and deleting one. */
@UiController
class SavedViewsController {

  private final SavedViews views;

  SavedViewsController(SavedViews views) {
    this.views = views;
  }

  /** {@code query}: the inbox's query string as the page shows it. */
  @PostMapping("/views")
  String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String query,
      @RequestParam(defaultValue = "false") boolean shared, Authentication authentication,
      RedirectAttributes redirect) {
    try {
      SavedView view = views.create(name, InboxQuery.parse(query), shared, authentication);
      redirect.addFlashAttribute("notice", "View '" + view.name() + "' saved.");
      return "redirect:" + view.link();
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      return "redirect:/" + (query.isBlank() ? "" : "?" + query);
    }
  }

  @PostMapping("/views/{id}/delete")
  String delete(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
    try {
      views.delete(id, authentication);
      redirect.addFlashAttribute("notice", "View deleted.");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/";
  }
}
