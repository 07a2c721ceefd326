package dev.tact.sla.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.sla.SlaPolicies;
import dev.tact.sla.SlaPolicy;
import dev.tact.sla.SlaPolicyDraft;
import dev.tact.sla.TeamCalendar;
import dev.tact.sla.TeamCalendars;
import dev.tact.sla.WorkingHours;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Team calendars, closures and SLA policies (admins). */
@ApiController
@RequestMapping("/api/v1/admin/sla")
@Tag(name = "Administration", description = "Admin role only")
class SlaAdminApiController {

  /** One weekly interval: day MONDAY..SUNDAY (or mon..sun), start and end HH:mm (end not after start: overnight). */
  record IntervalRequest(String day, String start, String end) {}

  /** A calendar: zone, hours (intervals) or hoursText ("mon-fri 09:00-17:00"), public holidays. */
  record CalendarRequest(String zone, List<IntervalRequest> hours, String hoursText, String country,
      String subdivision, Boolean bankHolidays) {}

  /** A closure: firstDay (and lastDay) as YYYY-MM-DD, or startsAt and endsAt as ISO instants; a label. */
  record ClosureRequest(String label, String firstDay, String lastDay, String startsAt, String endsAt) {}

  private final TeamCalendars calendars;
  private final SlaPolicies policies;

  SlaAdminApiController(TeamCalendars calendars, SlaPolicies policies) {
    this.calendars = calendars;
    this.policies = policies;
  }

  @Operation(summary = "Every team's calendar (configured false: the team uses the default calendar)")
  @GetMapping("/calendars")
  List<TeamCalendar> calendars() {
    return calendars.all();
  }

  @GetMapping("/calendars/{teamId}")
  TeamCalendar calendar(@PathVariable UUID teamId) {
    return calendars.describe(teamId);
  }

  @Operation(summary = "Set a team's calendar",
      description = "zone (IANA), hours as intervals {day, start, end} or hoursText (one rule per line or ';': "
          + "'mon-fri 09:00-17:00; sat 10:00-14:00'; an end not after the start runs overnight), country (ISO "
          + "3166 alpha-2) and subdivision (e.g. CA / mb) for public holidays, bankHolidays (default true). "
          + "Running clocks keep the business time they used and get new due times.")
  @PutMapping("/calendars/{teamId}")
  TeamCalendar save(@PathVariable UUID teamId, @RequestBody CalendarRequest request) {
    if (request == null) {
      throw ProblemException.invalid("invalid-calendar", "The body must be a calendar.");
    }
    List<WorkingHours.Interval> hours;
    if (request.hours() != null && !request.hours().isEmpty()) {
      hours = new ArrayList<>();
      for (IntervalRequest interval : request.hours()) {
        hours.add(interval(interval));
      }
    } else {
      hours = TeamCalendars.parseHours(request.hoursText());
    }
    return calendars.save(teamId, request.zone(), hours, request.country(), request.subdivision(),
        request.bankHolidays() == null || request.bankHolidays());
  }

  @Operation(summary = "The team goes back to the default calendar (tact.sla.default-*); its closures are removed")
  @DeleteMapping("/calendars/{teamId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void reset(@PathVariable UUID teamId) {
    calendars.reset(teamId);
  }

  @Operation(summary = "Close a team on some dates or in an instant range, with a label")
  @PostMapping("/calendars/{teamId}/closures")
  @ResponseStatus(HttpStatus.CREATED)
  TeamCalendar.ClosureEntry addClosure(@PathVariable UUID teamId, @RequestBody ClosureRequest request) {
    if (request == null) {
      throw ProblemException.invalid("invalid-closure", "The body must be a closure.");
    }
    return calendars.addClosure(teamId, request.label(), date(request.firstDay(), "firstDay"),
        date(request.lastDay(), "lastDay"), instant(request.startsAt(), "startsAt"),
        instant(request.endsAt(), "endsAt"));
  }

  @DeleteMapping("/calendars/{teamId}/closures/{closureId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteClosure(@PathVariable UUID teamId, @PathVariable UUID closureId) {
    calendars.deleteClosure(teamId, closureId);
  }

  @Operation(summary = "SLA policies, in the order they are tried (the first match applies)")
  @GetMapping("/policies")
  List<SlaPolicy> policies() {
    return policies.list();
  }

  @GetMapping("/policies/{id}")
  SlaPolicy policy(@PathVariable UUID id) {
    return policies.require(id);
  }

  @Operation(summary = "Add an SLA policy",
      description = "name; conditions priorities (low, normal, high, urgent), intents, customerTiers (standard for "
          + "contacts without a tier), teamIds: each empty or absent for any; targets firstResponseMinutes, "
          + "nextResponseMinutes, resolutionMinutes in business minutes (at least one); warnAtPercent (default 75); "
          + "position (1 = tried first; default last). Running clocks are matched again.")
  @PostMapping("/policies")
  @ResponseStatus(HttpStatus.CREATED)
  SlaPolicy create(@RequestBody SlaPolicyDraft draft) {
    return policies.create(draft);
  }

  @Operation(summary = "Replace an SLA policy (position moves it when given)")
  @PutMapping("/policies/{id}")
  SlaPolicy update(@PathVariable UUID id, @RequestBody SlaPolicyDraft draft) {
    return policies.update(id, draft);
  }

  @DeleteMapping("/policies/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    policies.delete(id);
  }

  private static WorkingHours.Interval interval(IntervalRequest request) {
    if (request == null || request.day() == null || request.start() == null || request.end() == null) {
      throw ProblemException.invalid("invalid-working-hours", "Each interval needs day, start and end.");
    }
    DayOfWeek day = null;
    String wanted = request.day().strip().toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().equals(wanted) || d.name().startsWith(wanted) && wanted.length() >= 3) {
        day = d;
      }
    }
    if (day == null) {
      throw ProblemException.invalid("invalid-working-hours", "'" + request.day() + "' is not a day such as MONDAY.");
    }
    try {
      return new WorkingHours.Interval(day, LocalTime.parse(request.start().strip()),
          LocalTime.parse(request.end().strip()));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-working-hours",
          "'" + request.start() + "'–'" + request.end() + "' are not whole times such as 09:00 and 17:00.");
    }
  }

  static LocalDate date(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("invalid-date", field + " '" + value + "' is not a date such as 2026-12-24.");
    }
  }

  private static Instant instant(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("invalid-instant",
          field + " '" + value + "' is not an instant such as 2026-12-24T13:00:00Z.");
    }
  }
}
