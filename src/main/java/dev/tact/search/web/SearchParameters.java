package dev.tact.search.web;

import dev.tact.conversation.Status;
import dev.tact.search.SearchRequest;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The search's GET parameters as given (so the page's form can show them again), read into a {@link SearchRequest}:
 * dates are days (yyyy-mm-dd, UTC), {@code to} included; anything unreadable is a {@link ProblemException}.
 */
record SearchParameters(String q, List<String> status, String team, String assignee, String channel, String from,
    String to, Integer limit) {

  SearchParameters {
    status = status == null ? List.of() : status.stream().filter(s -> s != null && !s.isBlank()).toList();
  }

  SearchRequest request() {
    Set<Status> statuses = status.stream().map(Status::parse).collect(Collectors.toSet());
    LocalDate fromDay = day(from, "from");
    LocalDate toDay = day(to, "to");
    Instant fromAt = fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant toAt = toDay == null ? null : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return new SearchRequest(q, statuses, uuid(team, "team"), uuid(assignee, "assignee"),
        blank(channel) ? null : Channel.parse(channel), fromAt, toAt, limit == null ? 20 : limit);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static UUID uuid(String value, String name) {
    if (blank(value)) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("search-" + name, "'" + value + "' is no " + name + " id.");
    }
  }

  private static LocalDate day(String value, String name) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("search-" + name, "'" + value + "' is no date: write it as 2026-12-31.");
    }
  }
}
