package dev.tact.incident.web;

import dev.tact.incident.Components;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Components: the services customers use, as the status page lists them (admins only, by URL). */
@UiController
class ComponentsController {

  private static final String PAGE = "/admin/components";

  private final Components components;

  ComponentsController(Components components) {
    this.components = components;
  }

  @GetMapping(PAGE)
  String list(Model model) {
    model.addAttribute("components", components.all());
    return "incident/components";
  }

  @PostMapping(PAGE)
  String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String group,
      @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String keywords,
      @RequestParam(required = false) Integer position, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Component added.", () ->
        components.add(new Components.ComponentInput(name, group, description, keywords, position)));
  }

  @PostMapping(PAGE + "/{id}")
  String change(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String group, @RequestParam(defaultValue = "") String description,
      @RequestParam(defaultValue = "") String keywords, @RequestParam(required = false) Integer position,
      RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Component saved.", () ->
        components.change(id, new Components.ComponentInput(name, group, description, keywords, position)));
  }

  @PostMapping(PAGE + "/{id}/delete")
  String remove(@PathVariable UUID id, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Component removed.", () -> components.remove(id));
  }
}
