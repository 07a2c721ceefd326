package dev.tact.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.conversation.Status;
import dev.tact.search.SearchRequest;
import dev.tact.shared.Channel;
import dev.tact.shared.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The search's parameters as the page and the API take them: read into a request, or refused with a problem code. */
class SearchParametersTests {

  @Test
  void readsFiltersAndTakesTheToDayInclusive() {
    UUID team = UUID.randomUUID();
    SearchRequest request = new SearchParameters(" refund ", List.of("open", "on-hold", ""), team.toString(), "",
        "email", "2026-12-01", "2026-12-05", null).request();
    assertThat(request.text()).isEqualTo("refund");
    assertThat(request.statuses()).isEqualTo(Set.of(Status.OPEN, Status.ON_HOLD));
    assertThat(request.teamId()).isEqualTo(team);
    assertThat(request.assigneeId()).isNull();
    assertThat(request.channel()).isEqualTo(Channel.EMAIL);
    assertThat(request.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(request.to()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
    assertThat(request.limit()).isEqualTo(20);
  }

  @Test
  void refusesWhatCannotBeRead() {
    assertProblem(new SearchParameters("  ", null, null, null, null, null, null, null), "search-text-missing");
    assertProblem(new SearchParameters("x".repeat(501), null, null, null, null, null, null, null),
        "search-text-too-long");
    assertProblem(new SearchParameters("a", List.of("later"), null, null, null, null, null, null), "unknown-status");
    assertProblem(new SearchParameters("a", null, "billing", null, null, null, null, null), "search-team");
    assertProblem(new SearchParameters("a", null, null, null, "pigeon", null, null, null), "unknown-channel");
    assertProblem(new SearchParameters("a", null, null, null, null, "yesterday", null, null), "search-from");
    assertProblem(new SearchParameters("a", null, null, null, null, "2026-12-05", "2026-12-01", null),
        "search-dates");
    assertProblem(new SearchParameters("a", null, null, null, null, null, null, 0), "search-limit");
  }

  private static void assertProblem(SearchParameters parameters, String code) {
    assertThatThrownBy(parameters::request).isInstanceOfSatisfying(ProblemException.class, e -> {
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.status()).isEqualTo(422);
    });
  }
}
