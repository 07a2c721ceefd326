package dev.tact.web.api;

import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Team;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff", description = "Agents and teams, to find ids for assignment")
class StaffApiController {

  private final StaffDirectory staff;

  StaffApiController(StaffDirectory staff) {
    this.staff = staff;
  }

  @GetMapping("/agents")
  List<Agent> agents() {
    return staff.agents();
  }

  @GetMapping("/teams")
  List<Team> teams() {
    return staff.teams();
  }
}
