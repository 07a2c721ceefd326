package dev.tact.timer.web;

import dev.tact.shared.web.UiController;
import dev.tact.timer.ClaimWorkers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Admin → Work queues (security restricts /admin/** to admins): for every claim-worker queue, what waits across
 * nodes, how long the oldest item has waited, what is parked, and this node's pace over the last minute.
 */
@UiController
class WorkQueuesController {

  private final ClaimWorkers workers;

  WorkQueuesController(ClaimWorkers workers) {
    this.workers = workers;
  }

  @GetMapping("/admin/queues")
  String queues(Model model) {
    model.addAttribute("queues", workers.statuses().stream().map(QueueView::of).toList());
    return "timer/queues";
  }
}
