package dev.tact.conversation;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox's filters and sort as its URL gives them, so the form can show them again, links keep them and a saved
 * view keeps them as a query string. Closed conversations are left out unless {@code closed} is ticked or the status
 * asked for is closed. Values are kept as given; {@link InboxQueries} turns them into a {@link ConversationFilter}.
 */
public record InboxQuery(String status, UUID team, UUID assignee, boolean mine, boolean unassigned, String tag,
    String sla, boolean closed, String channel, String priority, String sort) {

  public InboxQuery {
    status = blankToNull(status);
    tag = blankToNull(tag);
    sla = blankToNull(sla);
    channel = blankToNull(channel);
    priority = blankToNull(priority);
    sort = blankToNull(sort);
  }

  public static InboxQuery empty() {
    return new InboxQuery(null, null, null, false, false, null, null, false, null, null, null);
  }

  /** From request parameters (the first value of each); a team or assignee that is no id is a 400. */
  public static InboxQuery of(Function<String, String> parameter) {
    return new InboxQuery(parameter.apply("status"), uuid(parameter.apply("team"), "team"),
        uuid(parameter.apply("assignee"), "assignee"), Boolean.parseBoolean(parameter.apply("mine")),
        Boolean.parseBoolean(parameter.apply("unassigned")), parameter.apply("tag"), parameter.apply("sla"),
        Boolean.parseBoolean(parameter.apply("closed")), parameter.apply("channel"), parameter.apply("priority"),
        parameter.apply("sort"));
  }

  /** From a query string as {@link #queryString()} writes it (a saved view's). */
  public static InboxQuery parse(String queryString) {
    Map<String, String> values = UriComponentsBuilder.fromUriString("/?" + (queryString == null ? "" : queryString))
        .build().getQueryParams().toSingleValueMap().entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
            // percent-decoding only: '+' is a plus here, as queryString() leaves it (a space is %20)
            e -> e.getValue() == null ? "" : org.springframework.web.util.UriUtils.decode(e.getValue(),
                java.nio.charset.StandardCharsets.UTF_8)));
    return of(values::get);
  }

  /** The inbox's link to this page of the query. */
  public String link(int page) {
    String query = queryString(page);
    return query.isEmpty() ? "/" : "/?" + query;
  }

  /** The same query in another order (the sort links keep every filter). */
  public InboxQuery sortedBy(String sortId) {
    return new InboxQuery(status, team, assignee, mine, unassigned, tag, sla, closed, channel, priority, sortId);
  }

  /** The query string of the first page, without the leading '?': what a saved view keeps. */
  public String queryString() {
    return queryString(0);
  }

  /** The sort's id, the default when none was given. */
  public String sortId() {
    return sort == null ? ConversationSort.ACTIVITY.id() : sort.toLowerCase(Locale.ROOT);
  }

  private String queryString(int page) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/");
    add(uri, "status", status);
    add(uri, "team", team);
    add(uri, "assignee", assignee);
    if (mine) {
      uri.queryParam("mine", true);
    }
    if (unassigned) {
      uri.queryParam("unassigned", true);
    }
    add(uri, "tag", tag);
    add(uri, "sla", sla);
    if (closed) {
      uri.queryParam("closed", true);
    }
    add(uri, "channel", channel);
    add(uri, "priority", priority);
    add(uri, "sort", sort);
    if (page > 0) {
      uri.queryParam("page", page);
    }
    String query = uri.encode().build().getQuery();
    return query == null ? "" : query;
  }

  private static void add(UriComponentsBuilder uri, String name, Object value) {
    if (value != null) {
      uri.queryParam(name, value);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static UUID uuid(String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new dev.tact.shared.ProblemException(400, "invalid-" + what, "Invalid " + what,
          "'" + value + "' is not a valid " + what + " id.");
    }
  }
}
