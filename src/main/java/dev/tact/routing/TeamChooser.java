package dev.tact.routing;

import dev.tact.staff.TeamSkills;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which of the teams that take an intent gets a conversation: one that speaks the customer's language first,
 * then one that lists no language (it takes any), a team of another language last; among equals, the one that
 * knows more of the products the customer names, then the admins' order.
 */
@Component
class TeamChooser {

  private final IntentCatalogue catalogue;
  private final TeamSkills skills;

  TeamChooser(IntentCatalogue catalogue, TeamSkills skills) {
    this.catalogue = catalogue;
    this.skills = skills;
  }

  Optional<UUID> choose(String intent, Optional<String> language, String text) {
    List<UUID> candidates = catalogue.teamsOf(intent);
    if (candidates.size() <= 1) {
      return candidates.stream().findFirst();
    }
    Map<UUID, TeamSkills.Skills> all = skills.all();
    String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
    UUID best = null;
    int bestScore = Integer.MIN_VALUE;
    for (UUID team : candidates) {
      int score = score(all.getOrDefault(team, TeamSkills.Skills.NONE), language, lower);
      if (score > bestScore) {
        best = team;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  static int score(TeamSkills.Skills skills, Optional<String> language, String lowerText) {
    int score = 0;
    if (language.isPresent()) {
      score += skills.languages().contains(language.get()) ? 200 : skills.languages().isEmpty() ? 100 : 0;
    }
    for (String product : skills.products()) {
      if (lowerText.contains(product.toLowerCase(Locale.ROOT))) {
        score++;
      }
    }
    return score;
  }
}
