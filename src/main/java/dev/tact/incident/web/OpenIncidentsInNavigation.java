package dev.tact.incident.web;

import dev.tact.incident.StatusPages;
import dev.tact.shared.web.UiController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** How many incidents are open, beside Incidents in the navigation: from the status page in memory, no query. */
@ControllerAdvice(annotations = UiController.class)
class OpenIncidentsInNavigation {

  private final StatusPages pages;

  OpenIncidentsInNavigation(StatusPages pages) {
    this.pages = pages;
  }

  @ModelAttribute("openIncidents")
  int openIncidents() {
    return pages.current().openIncidents();
  }
}
