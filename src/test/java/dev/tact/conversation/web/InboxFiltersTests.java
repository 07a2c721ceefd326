package dev.tact.conversation.web;

import dev.tact.conversation.InboxQuery;
import dev.tact.shared.web.UiFormat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The inbox's paging links keep every filter, and nothing else; plain unit tests, no Spring. */
class InboxFiltersTests {

  @Test
  void linkWithoutFiltersIsTheInbox() {
    assertThat(InboxQuery.empty().link(0)).isEqualTo("/");
    assertThat(new InboxQuery("", null, null, false, false, " ", "", false, null, " ", "").link(2))
        .isEqualTo("/?page=2");
  }

  @Test
  void linkKeepsEveryFilter() {
    UUID team = UUID.fromString("01900000-0000-7000-8000-000000000001");
    String link = new InboxQuery("on_hold", team, null, true, true, "vip & co", "due-soon", true, "email", "high",
        "priority").link(1);
    assertThat(link).isEqualTo("/?status=on_hold&team=" + team
        + "&mine=true&unassigned=true&tag=vip%20%26%20co&sla=due-soon&closed=true&channel=email&priority=high"
        + "&sort=priority&page=1");
  }

  @Test
  void aSavedQueryStringReadsBackAsTheSameQuery() {
    UUID assignee = UUID.fromString("01900000-0000-7000-8000-000000000002");
    InboxQuery query = new InboxQuery("open", null, assignee, false, false, "vip & co + más", null, false, null,
        "urgent", "customer");
    assertThat(InboxQuery.parse(query.queryString())).isEqualTo(query);
    assertThat(InboxQuery.parse("")).isEqualTo(InboxQuery.empty());
    assertThat(query.sortedBy("oldest").sort()).isEqualTo("oldest");
  }

  @Test
  void formatsInstantsInTheGivenZone() {
    UiFormat format = new UiFormat(ZoneOffset.ofHours(2));
    Instant instant = Instant.parse("2026-03-04T22:30:00Z");
    assertThat(format.time(instant)).isEqualTo("2026-03-05 00:30 +02:00");
    assertThat(format.date(instant)).isEqualTo("5 Mar 2026");
    assertThat(format.time(null)).isEmpty();
  }

  @Test
  void shouldWriteTheNounThatFitsTheCount() {
    UiFormat format = new UiFormat(ZoneOffset.UTC);
    assertThat(format.count(1, "identity", "identities")).isEqualTo("1 identity");
    assertThat(format.count(2, "identity", "identities")).isEqualTo("2 identities");
    assertThat(format.count(0, "conversation", "conversations")).isEqualTo("0 conversations");
  }
}
