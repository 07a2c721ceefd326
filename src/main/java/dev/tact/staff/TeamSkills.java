package dev.tact.staff;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.ProblemException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What each team handles: languages (ISO 639-1 codes) and products, edited by leads and admins. */
@Service
public class TeamSkills {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
  private static final int MAX_SKILLS = 50;

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final AuditLog audit;

  TeamSkills(JdbcClient jdbc, StaffDirectory staff, AuditLog audit) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.audit = audit;
  }

  /** A team's skills (empty lists when none were set). */
  public Skills of(UUID teamId) {
    return all().getOrDefault(teamId, Skills.NONE);
  }

  /** Every team's skills, by team id; teams without skills are absent. */
  public Map<UUID, Skills> all() {
    record Row(UUID team, String kind, String skill) {}
    List<Row> rows = jdbc.sql("SELECT team_id, kind, skill FROM staff_team_skill ORDER BY team_id, kind, skill")
        .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
    return rows.stream().collect(Collectors.groupingBy(Row::team, Collectors.collectingAndThen(Collectors.toList(),
        list -> new Skills(
            list.stream().filter(r -> r.kind().equals("LANGUAGE")).map(Row::skill).toList(),
            list.stream().filter(r -> r.kind().equals("PRODUCT")).map(Row::skill).toList()))));
  }

  /**
   * Replaces a team's skills. Languages are codes such as {@code en} or {@code de} (a tag such as {@code de-CH}
   * counts as {@code de}); products are names of 1 to 100 characters. Bad input is a 422 and nothing changes.
   */
  @Transactional
  public Skills set(UUID teamId, Collection<String> languages, Collection<String> products) {
    Team team = staff.requireTeam(teamId);
    Skills before = of(teamId);
    List<String> langs = new ArrayList<>(new LinkedHashSet<>(normaliseLanguages(languages)));
    Set<String> productSet = new LinkedHashSet<>();
    for (String product : products == null ? List.<String>of() : products) {
      String p = product == null ? "" : product.strip().replaceAll("\\s+", " ");
      if (p.isEmpty()) {
        continue;
      }
      if (p.length() > 100) {
        throw ProblemException.invalid("invalid-skill", "A product name has at most 100 characters.");
      }
      productSet.add(p);
    }
    if (langs.size() + productSet.size() > MAX_SKILLS) {
      throw ProblemException.invalid("invalid-skill", "A team has at most " + MAX_SKILLS + " skills.");
    }
    jdbc.sql("DELETE FROM staff_team_skill WHERE team_id = :team").param("team", teamId).update();
    langs.forEach(l -> insert(teamId, "LANGUAGE", l));
    productSet.forEach(p -> insert(teamId, "PRODUCT", p));
    Skills after = of(teamId);
    if (!after.equals(before)) {
      audit.record(AuditRecord.of("routing.skills.changed", "team", teamId, "Skills of team " + team.name()
          + ": languages " + after.languages() + ", products " + after.products()).change(before, after));
    }
    return after;
  }

  /** Language codes from what people type ("de", "DE-ch", "fr, it"); a 422 on anything else. */
  public static List<String> normaliseLanguages(Collection<String> languages) {
    List<String> out = new ArrayList<>();
    for (String language : languages == null ? List.<String>of() : languages) {
      String code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
      if (code.isEmpty()) {
        continue;
      }
      code = code.split("-", 2)[0];
      if (!LANGUAGE.matcher(code).matches()) {
        throw ProblemException.invalid("invalid-skill", "'" + language + "' is not a language code such as en or de.");
      }
      out.add(code);
    }
    return out;
  }

  private void insert(UUID team, String kind, String skill) {
    jdbc.sql("INSERT INTO staff_team_skill (team_id, kind, skill) VALUES (:team, :kind, :skill)")
        .param("team", team).param("kind", kind).param("skill", skill).update();
  }

  /** A team's languages and products. */
  public record Skills(List<String> languages, List<String> products) {

    public static final Skills NONE = new Skills(List.of(), List.of());

    public Skills {
      languages = List.copyOf(languages);
      products = List.copyOf(products);
    }
  }
}
