package dev.tact.routing;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Team;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intents Tact routes by and the teams that take each: the {@link DefaultIntents} and those named in
 * {@code tact.routing.teams}, plus what admins added, minus what they removed; a rename carries the seed phrases
 * and what agents taught over to the new name. The
 * teams of an intent are the admins' choice here, else the one named in {@code tact.routing.teams}. Changing the
 * list retrains the model at once, so that the front door never predicts an intent that no longer exists.
 */
@Service
public class IntentCatalogue {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final int MIN_PHRASES = 3;

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final RoutingProperties properties;
  private final Clock clock;

  IntentCatalogue(JdbcClient jdbc, StaffDirectory staff, RoutingProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.properties = properties;
    this.clock = clock;
  }

  /** One intent: its seed phrases count, and the teams that take it. */
  public record Intent(String name, boolean builtIn, int phrases, List<UUID> teamIds) {}

  private record Def(String intent, String seedOf, String phrases, boolean removed) {}

  /** The intents in use, default ones first, then the added ones by name. */
  public List<Intent> list() {
    Map<String, Def> defs = defs();
    Map<String, List<UUID>> teams = teamRows();
    List<Intent> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : seeds(defs).entrySet()) {
      out.add(new Intent(e.getKey(), DefaultIntents.intents().contains(e.getKey()), e.getValue().size(),
          teamsOf(e.getKey(), teams)));
    }
    return out;
  }

  /** The names of the intents in use. */
  public List<String> names() {
    return List.copyOf(seeds(defs()).keySet());
  }

  /** The teams that take this intent, in the admins' order (none: the intent only gets its tag). */
  public List<UUID> teamsOf(String intent) {
    return teamsOf(intent, teamRows());
  }

  /** The intent whose teams include this one, if exactly one is clear (the first in the list otherwise). */
  public Optional<String> intentOfTeam(UUID teamId) {
    Map<String, List<UUID>> teams = teamRows();
    for (String intent : names()) {
      if (teamsOf(intent, teams).contains(teamId)) {
        return Optional.of(intent);
      }
    }
    return Optional.empty();
  }

  /** The seed phrases of every intent in use, for training. */
  List<LabelledText> seedExamples() {
    List<LabelledText> examples = new ArrayList<>();
    seeds(defs()).forEach((intent, phrases) -> phrases.forEach(p -> examples.add(new LabelledText(p, intent))));
    return examples;
  }

  /** Adds an intent with at least three example phrases (one per line). A bad one is a 422; nothing changes. */
  @Transactional
  public void add(String name, String phrases) {
    String intent = validName(name);
    if (names().contains(intent)) {
      throw ProblemException.conflict("intent-exists", "There is an intent " + intent + " already.");
    }
    List<String> lines = phrases(phrases);
    if (lines.size() < MIN_PHRASES) {
      throw ProblemException.invalid("invalid-intent", "Give at least " + MIN_PHRASES
          + " example phrases, one per line, so that the model can learn the intent.");
    }
    upsert(new Def(intent, null, String.join("\n", lines), false));
  }

  /** Renames an intent: its seeds, teams, rules and what agents taught follow the new name. */
  @Transactional
  public void rename(String from, String to) {
    String old = requireIntent(from);
    String intent = validName(to);
    if (intent.equals(old)) {
      return;
    }
    if (names().contains(intent)) {
      throw ProblemException.conflict("intent-exists", "There is an intent " + intent + " already.");
    }
    Def previous = defs().get(old);
    String seedOf = previous != null ? previous.seedOf() : DefaultIntents.intents().contains(old) ? old : null;
    upsert(new Def(intent, seedOf, previous == null ? null : previous.phrases(), false));
    upsert(new Def(old, null, null, true));
    jdbc.sql("UPDATE routing_intent_team SET intent = :to WHERE intent = :from").param("to", intent)
        .param("from", old).update();
    jdbc.sql("UPDATE routing_example SET intent = :to WHERE intent = :from").param("to", intent)
        .param("from", old).update();
    jdbc.sql("UPDATE routing_rule SET intent = :to WHERE intent = :from").param("to", intent).param("from", old)
        .update();
    if (properties.teams().containsKey(old) && teamsOf(intent).isEmpty()) {
      staff.teamByName(properties.teams().get(old)).ifPresent(t -> setTeams(intent, List.of(t.id())));
    }
  }

  /** Removes an intent (at least two must remain); conversations of it go to triage until agents place them. */
  @Transactional
  public void remove(String name) {
    String intent = requireIntent(name);
    if (names().size() <= 2) {
      throw ProblemException.conflict("last-intents", "The model needs at least two intents.");
    }
    upsert(new Def(intent, null, null, true));
    jdbc.sql("DELETE FROM routing_intent_team WHERE intent = :intent").param("intent", intent).update();
  }

  /** Sets the teams that take an intent (empty: back to {@code tact.routing.teams}). Unknown team: 404. */
  @Transactional
  public void setTeams(String name, Collection<UUID> teamIds) {
    String intent = requireIntent(name);
    List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(teamIds == null ? List.of() : teamIds));
    ids.forEach(staff::requireTeam);
    jdbc.sql("DELETE FROM routing_intent_team WHERE intent = :intent").param("intent", intent).update();
    for (UUID id : ids) {
      jdbc.sql("INSERT INTO routing_intent_team (intent, team_id) VALUES (:intent, :team)").param("intent", intent)
          .param("team", id).update();
    }
  }

  private String requireIntent(String name) {
    String intent = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    if (!names().contains(intent)) {
      throw ProblemException.notFound("intent", name);
    }
    return intent;
  }

  private static String validName(String name) {
    String intent = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    if (!NAME.matcher(intent).matches()) {
      throw ProblemException.invalid("invalid-intent",
          "An intent is a lower-case word such as billing or vendor_pitch (letters, digits, _; up to 64).");
    }
    return intent;
  }

  private static List<String> phrases(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> s.length() > 500 ? s.substring(0, 500) : s).distinct().limit(500).toList();
  }

  private List<UUID> teamsOf(String intent, Map<String, List<UUID>> rows) {
    List<UUID> chosen = rows.get(intent);
    if (chosen != null && !chosen.isEmpty()) {
      return chosen;
    }
    String name = properties.teams().get(intent);
    return name == null ? List.of() : staff.teamByName(name).map(Team::id).map(List::of).orElse(List.of());
  }

  private Map<String, List<String>> seeds(Map<String, Def> defs) {
    Map<String, List<String>> byDefault = new LinkedHashMap<>();
    DefaultIntents.examples().forEach(e -> byDefault.computeIfAbsent(e.intent(), k -> new ArrayList<>()).add(e.text()));
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String intent : DefaultIntents.intents()) {
      Def def = defs.get(intent);
      if (def == null) {
        out.put(intent, byDefault.get(intent));
      } else if (!def.removed()) {
        List<String> phrases = new ArrayList<>(byDefault.get(intent));
        phrases.addAll(phrases(def.phrases()));
        out.put(intent, List.copyOf(phrases));
      }
    }
    defs.values().stream().filter(d -> !d.removed() && !DefaultIntents.intents().contains(d.intent()))
        .sorted(java.util.Comparator.comparing(Def::intent)).forEach(d -> {
          List<String> phrases = new ArrayList<>();
          if (d.seedOf() != null && byDefault.containsKey(d.seedOf())) {
            phrases.addAll(byDefault.get(d.seedOf()));
          }
          phrases.addAll(phrases(d.phrases()));
          out.put(d.intent(), List.copyOf(phrases));
        });
    // an intent named only in tact.routing.teams has no seed phrases: the model learns it from agents' moves
    properties.teams().keySet().stream().sorted()
        .filter(intent -> !out.containsKey(intent) && !defs.containsKey(intent))
        .forEach(intent -> out.put(intent, List.of()));
    return out;
  }

  private Map<String, Def> defs() {
    Map<String, Def> defs = new LinkedHashMap<>();
    jdbc.sql("SELECT intent, seed_of, phrases, removed FROM routing_intent_def ORDER BY intent")
        .query((rs, n) -> new Def(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).list()
        .forEach(d -> defs.put(d.intent(), d));
    return defs;
  }

  private Map<String, List<UUID>> teamRows() {
    Map<String, List<UUID>> rows = new LinkedHashMap<>();
    jdbc.sql("SELECT t.intent, t.team_id FROM routing_intent_team t JOIN staff_team s ON s.id = t.team_id "
            + "ORDER BY t.intent, s.name")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).list()
        .forEach(e -> rows.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return rows;
  }

  private void upsert(Def def) {
    jdbc.sql("DELETE FROM routing_intent_def WHERE intent = :intent").param("intent", def.intent()).update();
    jdbc.sql("""
        INSERT INTO routing_intent_def (intent, seed_of, phrases, removed, changed_at)
        VALUES (:intent, :seedOf, :phrases, :removed, :at)""")
        .param("intent", def.intent()).param("seedOf", def.seedOf()).param("phrases", def.phrases())
        .param("removed", def.removed()).param("at", utc(clock.instant())).update();
  }
}
