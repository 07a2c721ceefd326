package dev.tact.policy.calendar;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.prefixmapper.MappingFileProvider;
import com.google.i18n.phonenumbers.prefixmapper.PhonePrefixMap;
import dev.tact.policy.Region;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The North American area codes (+1 NPA) and the states, provinces or countries they serve, built when first used
 * from libphonenumber's geocoding data (the {@code geocoder} artifact, maintained upstream: one file per area code
 * with lines such as {@code 1204|Manitoba} and {@code 1204284|Winnipeg, MB}), mapped to ISO 3166-2 through the
 * names and postal abbreviations of {@link Regions}. No area code is typed in here: a new area code or a corrected
 * name arrives with a newer geocoder, and {@code AreaCodesTests} fails if one can no longer be placed.
 *
 * <p>How an area code is read: its own line ("Manitoba", "Nova Scotia/Prince Edward Island", "Chicago, IL",
 * "Toronto") when it has one, else the places of all its exchanges ("Westport, CT", …). A name without a state is
 * looked up among the cities the data names elsewhere with one, in the area code's own country, and read as the
 * state that names it most often (the overlay 437 "Toronto" is Ontario's Toronto, named by hundreds of exchanges,
 * not Ohio's, named by a few). An area code of several regions
 * (867: Northwest Territories, Nunavut and Yukon) is {@link Kind#SHARED}; one the data places nowhere but numbered
 * in the US or Canada (toll-free 800, personal 500, Canada's 600) is {@link Kind#NOT_GEOGRAPHIC} and stands for
 * every state or province of its country; another country's area code (876 Jamaica) is {@link Kind#COUNTRY}.
 * The policy applies the strictest rules of every region an area code may stand for.
 */
public final class AreaCodes {

  /** How far an area code tells where someone is. */
  public enum Kind {
    ONE_REGION,
    SHARED,
    NOT_GEOGRAPHIC,
    COUNTRY
  }

  /**
   * One area code.
   *
   * @param description what the geocoder calls it ("Manitoba"); empty when it names no place
   * @param regions the regions it may stand for (every subdivision of the country when not geographic)
   */
  public record AreaCode(int code, String description, Kind kind, List<Region> regions) {

    public AreaCode {
      regions = List.copyOf(regions);
    }

    /** "Manitoba"; "Northwest Territories, Nunavut or Yukon (shared…)"; "not tied to a place in Canada (…)". */
    public String inWords() {
      return switch (kind) {
        case ONE_REGION, COUNTRY -> regions.getFirst().name();
        case SHARED -> names(regions) + ", which share it: the strictest rules of all of them hold";
        case NOT_GEOGRAPHIC -> "not tied to a place in " + Region.of(regions.getFirst().country()).name()
            + ": the strictest rules of every region there hold";
      };
    }

    private static String names(List<Region> regions) {
      List<String> names = regions.stream().map(Region::name).toList();
      return names.size() == 1 ? names.getFirst()
          : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }
  }

  private static final String DATA = "/com/google/i18n/phonenumbers/geocoding/data/";
  private static final Pattern WITH_STATE = Pattern.compile("^(.+), ([A-Z]{2})$");
  /** The postal abbreviations of the US territories numbered in the plan: countries of their own in ISO 3166-1. */
  private static final Set<String> TERRITORIES = Set.of("PR", "VI", "GU", "MP", "AS");
  /** The one name the data spells in a way the ISO names cannot match: "Washington D.C.". */
  private static final Map<String, Region> ALIASES = Map.of("washington dc", new Region("US", "dc"));

  private AreaCodes() {}

  /** The area code, if the numbering plan has it (assigned, or named by the geocoder). */
  public static Optional<AreaCode> of(int npa) {
    return Optional.ofNullable(Table.CODES.get(npa));
  }

  /** Every area code of the plan the data knows, by number. */
  public static Map<Integer, AreaCode> all() {
    return Table.CODES;
  }

  /** Built once, on first use. */
  private static final class Table {

    static final Map<Integer, AreaCode> CODES = build();
  }

  private record Line(String prefix, String description) {}

  /** The subdivisions' names, as given and normalised, read once. */
  private static final class Names {

    static final Map<String, String> SUBDIVISIONS = Regions.subdivisionNames();
    static final Map<String, String> NORMAL = normalised();

    private static Map<String, String> normalised() {
      Map<String, String> normal = new HashMap<>();
      SUBDIVISIONS.forEach((key, name) -> normal.put(key, normal(name)));
      return normal;
    }
  }

  /**
   * The North American area codes with an English geocoding file, from the data's own index ({@code config}: one
   * "prefix|languages" line per file), so that absent files are never looked for on the class path.
   */
  private static List<Integer> englishFiles() {
    try (InputStream in = AreaCodes.class.getResourceAsStream(DATA + "config")) {
      if (in == null) {
        throw new IllegalStateException("libphonenumber's geocoder is not on the class path");
      }
      MappingFileProvider index = new MappingFileProvider();
      try (ObjectInputStream objects = new ObjectInputStream(in)) {
        index.readExternal(objects);
      }
      List<Integer> npas = new ArrayList<>();
      for (String line : index.toString().split("\n")) {
        int bar = line.indexOf('|');
        if (bar == 4 && line.startsWith("1") && line.substring(bar + 1).matches("(.*,)?en(,.*)?")) {
          npas.add(Integer.parseInt(line.substring(1, bar)));
        }
      }
      return npas;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the geocoding data's index", e);
    }
  }

  private static Map<Integer, AreaCode> build() {
    Map<Integer, List<Line>> lines = new HashMap<>();
    for (int npa : englishFiles()) {
      List<Line> read = read(npa);
      if (!read.isEmpty()) {
        lines.put(npa, read);
      }
    }
    Map<String, Map<Region, Integer>> cities = cities(lines);
    Map<Integer, AreaCode> codes = new TreeMap<>();
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    for (int npa = 200; npa <= 999; npa++) {
      AreaCode code = areaCode(npa, lines.getOrDefault(npa, List.of()), regionCode(util, npa), cities);
      if (code != null) {
        codes.put(npa, code);
      }
    }
    return Collections.unmodifiableMap(codes);
  }

  private static AreaCode areaCode(int npa, List<Line> lines, String regionCode,
      Map<String, Map<Region, Integer>> cities) {
    String own = lines.stream().filter(l -> l.prefix().length() == 4).map(Line::description).findFirst().orElse("");
    Set<Region> regions = new LinkedHashSet<>(resolve(own, regionCode, cities));
    if (regions.isEmpty()) {
      for (Line line : lines) {
        regions.addAll(resolve(line.description(), regionCode, cities));
      }
    }
    if (regions.isEmpty()) {
      if ("US".equals(regionCode) || "CA".equals(regionCode)) {
        List<Region> everywhere = Regions.subdivisionsOf(regionCode).stream().map(s -> new Region(regionCode, s))
            .toList();
        return new AreaCode(npa, own, Kind.NOT_GEOGRAPHIC, everywhere);
      }
      return regionCode == null ? null : new AreaCode(npa, own, Kind.COUNTRY, List.of(Region.of(regionCode)));
    }
    List<Region> sorted = regions.stream().sorted(java.util.Comparator.comparing(Region::code)).toList();
    Kind kind = sorted.size() > 1 ? Kind.SHARED : sorted.getFirst().subdivision() == null ? Kind.COUNTRY
        : Kind.ONE_REGION;
    return new AreaCode(npa, own, kind, sorted);
  }

  /** The regions a description names: "Manitoba", "Winnipeg, MB", "Nova Scotia/Prince Edward Island", "Toronto". */
  private static Set<Region> resolve(String description, String regionCode,
      Map<String, Map<Region, Integer>> cities) {
    Set<Region> regions = new LinkedHashSet<>();
    if (description == null || description.isBlank()) {
      return regions;
    }
    for (String part : description.split("/")) {
      String p = part.strip();
      Matcher withState = WITH_STATE.matcher(p);
      Region region = withState.matches() ? postal(withState.group(2), regionCode) : byName(p);
      if (region != null) {
        regions.add(region);
      } else {
        city(cities.getOrDefault(normal(p), Map.of()), regionCode).ifPresent(regions::add);
      }
    }
    return regions;
  }

  /** The state that names a city most often, among those of the area code's country when any does. */
  private static Optional<Region> city(Map<Region, Integer> mentions, String regionCode) {
    Map<Region, Integer> candidates = mentions;
    if (mentions.keySet().stream().anyMatch(r -> r.country().equals(regionCode))) {
      candidates = new HashMap<>(mentions);
      candidates.keySet().removeIf(r -> !r.country().equals(regionCode));
    }
    return candidates.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
  }

  /** Every "City, XX" of the data, with how often: a name without a state ("Toronto") is read through it. */
  private static Map<String, Map<Region, Integer>> cities(Map<Integer, List<Line>> lines) {
    Map<String, Map<Region, Integer>> cities = new HashMap<>();
    lines.forEach((npa, entries) -> {
      for (Line line : entries) {
        Matcher withState = WITH_STATE.matcher(line.description());
        if (withState.matches()) {
          Region region = postal(withState.group(2), null);
          if (region != null) {
            cities.computeIfAbsent(normal(withState.group(1)), k -> new HashMap<>()).merge(region, 1, Integer::sum);
          }
        }
      }
    });
    return cities;
  }

  /** A state's or province's postal abbreviation (the same letters as its ISO 3166-2 code), or a territory's. */
  private static Region postal(String abbreviation, String preferredCountry) {
    String code = abbreviation.toLowerCase(Locale.ROOT);
    Map<String, String> names = Names.SUBDIVISIONS;
    List<String> countries = "CA".equals(preferredCountry) ? List.of("CA", "US") : List.of("US", "CA");
    for (String country : countries) {
      if (names.containsKey(country + "-" + code)) {
        return new Region(country, code);
      }
    }
    return TERRITORIES.contains(abbreviation) ? Region.of(abbreviation) : null;
  }

  /** A state or province by its name, forgiving "the", "State", punctuation and a letter or two of misspelling. */
  private static Region byName(String name) {
    String wanted = normal(name);
    Region alias = ALIASES.get(wanted);
    if (alias != null) {
      return alias;
    }
    Region closest = null;
    int best = Integer.MAX_VALUE;
    for (Map.Entry<String, String> entry : Names.NORMAL.entrySet()) {
      String known = entry.getValue();
      int distance = known.equals(wanted) ? 0 : wanted.length() >= 8 ? distance(known, wanted) : Integer.MAX_VALUE;
      if (distance < best) {
        best = distance;
        String[] key = entry.getKey().split("-");
        closest = new Region(key[0], key[1]);
      }
    }
    return best <= 2 ? closest : null;
  }

  private static String normal(String name) {
    String s = name.toLowerCase(Locale.ROOT).replace(".", "").replace("&", "and").replaceAll("\\s+", " ").strip();
    s = s.startsWith("the ") ? s.substring(4) : s;
    return s.endsWith(" state") ? s.substring(0, s.length() - 6) : s;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** The country libphonenumber numbers the area code in (US, CA, JM…), from a few plausible local numbers. */
  private static String regionCode(PhoneNumberUtil util, int npa) {
    for (long line : new long[] {2_000_000L, 5_550_100L, 7_300_000L, 9_990_000L}) {
      String region = util.getRegionCodeForNumber(new PhoneNumber().setCountryCode(1)
          .setNationalNumber(npa * 10_000_000L + line));
      if (region != null && !"ZZ".equals(region)) {
        return region;
      }
    }
    return null;
  }

  /** The lines of one area code's English geocoding file; none when the data has no file for it. */
  private static List<Line> read(int npa) {
    try (InputStream in = AreaCodes.class.getResourceAsStream(DATA + "1" + npa + "_en")) {
      if (in == null) {
        return List.of();
      }
      PhonePrefixMap map = new PhonePrefixMap();
      try (ObjectInputStream objects = new ObjectInputStream(in)) {
        map.readExternal(objects);
      }
      // the map prints itself one "prefix|description" line per entry: the only public way to list them
      List<Line> lines = new ArrayList<>();
      for (String text : map.toString().split("\n")) {
        int bar = text.indexOf('|');
        if (bar > 0) {
          lines.add(new Line(text.substring(0, bar).strip(), text.substring(bar + 1).strip()));
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the geocoding data of area code " + npa, e);
    }
  }
}
