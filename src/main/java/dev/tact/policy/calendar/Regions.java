package dev.tact.policy.calendar;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time zones and English names of countries and subdivisions: every US state, Canadian province and territory,
 * and a default set of zones for common countries. A region spanning several zones lists them all (the policy's
 * windows must hold in each). Subdivision codes are ISO 3166-2 without the country, in lower case.
 */
public final class Regions {

  private static final Map<String, List<ZoneId>> ZONES = new HashMap<>();
  private static final Map<String, String> NAMES = new HashMap<>();

  private static final String NY = "America/New_York";
  private static final String CHI = "America/Chicago";
  private static final String DEN = "America/Denver";
  private static final String LA = "America/Los_Angeles";

  static {
    us("al", "Alabama", CHI);
    us("ak", "Alaska", "America/Anchorage", "America/Adak");
    us("az", "Arizona", "America/Phoenix");
    us("ar", "Arkansas", CHI);
    us("ca", "California", LA);
    us("co", "Colorado", DEN);
    us("ct", "Connecticut", NY);
    us("de", "Delaware", NY);
    us("dc", "the District of Columbia", NY);
    us("fl", "Florida", NY, CHI);
    us("ga", "Georgia", NY);
    us("hi", "Hawaii", "Pacific/Honolulu");
    us("id", "Idaho", "America/Boise", LA);
    us("il", "Illinois", CHI);
    us("in", "Indiana", "America/Indiana/Indianapolis", CHI);
    us("ia", "Iowa", CHI);
    us("ks", "Kansas", CHI, DEN);
    us("ky", "Kentucky", "America/Kentucky/Louisville", CHI);
    us("la", "Louisiana", CHI);
    us("me", "Maine", NY);
    us("md", "Maryland", NY);
    us("ma", "Massachusetts", NY);
    us("mi", "Michigan", "America/Detroit", CHI);
    us("mn", "Minnesota", CHI);
    us("ms", "Mississippi", CHI);
    us("mo", "Missouri", CHI);
    us("mt", "Montana", DEN);
    us("ne", "Nebraska", CHI, DEN);
    us("nv", "Nevada", LA);
    us("nh", "New Hampshire", NY);
    us("nj", "New Jersey", NY);
    us("nm", "New Mexico", DEN);
    us("ny", "New York", NY);
    us("nc", "North Carolina", NY);
    us("nd", "North Dakota", CHI, DEN);
    us("oh", "Ohio", NY);
    us("ok", "Oklahoma", CHI);
    us("or", "Oregon", LA, "America/Boise");
    us("pa", "Pennsylvania", NY);
    us("ri", "Rhode Island", NY);
    us("sc", "South Carolina", NY);
    us("sd", "South Dakota", CHI, DEN);
    us("tn", "Tennessee", CHI, NY);
    us("tx", "Texas", CHI, DEN);
    us("ut", "Utah", DEN);
    us("vt", "Vermont", NY);
    us("va", "Virginia", NY);
    us("wa", "Washington", LA);
    us("wv", "West Virginia", NY);
    us("wi", "Wisconsin", CHI);
    us("wy", "Wyoming", DEN);
    ca("ab", "Alberta", "America/Edmonton");
    ca("bc", "British Columbia", "America/Vancouver", "America/Dawson_Creek");
    ca("mb", "Manitoba", "America/Winnipeg");
    ca("nb", "New Brunswick", "America/Moncton");
    ca("nl", "Newfoundland and Labrador", "America/St_Johns", "America/Goose_Bay");
    ca("ns", "Nova Scotia", "America/Halifax");
    ca("nt", "the Northwest Territories", "America/Yellowknife");
    ca("nu", "Nunavut", "America/Iqaluit", "America/Rankin_Inlet", "America/Cambridge_Bay");
    ca("on", "Ontario", "America/Toronto", "America/Winnipeg");
    ca("pe", "Prince Edward Island", "America/Halifax");
    ca("qc", "Quebec", "America/Toronto", "America/Blanc-Sablon");
    ca("sk", "Saskatchewan", "America/Regina");
    ca("yt", "Yukon", "America/Whitehorse");
    country("US", NY, CHI, DEN, "America/Phoenix", LA, "America/Anchorage", "Pacific/Honolulu");
    country("CA", "America/St_Johns", "America/Halifax", "America/Toronto", "America/Winnipeg", "America/Regina",
        "America/Edmonton", "America/Vancouver", "America/Whitehorse");
    // US territories in the North American numbering plan: countries of their own in ISO 3166-1
    country("PR", "America/Puerto_Rico");
    country("VI", "America/St_Thomas");
    country("GU", "Pacific/Guam");
    country("MP", "Pacific/Saipan");
    country("AS", "Pacific/Pago_Pago");
    country("MX", "America/Mexico_City", "America/Cancun", "America/Chihuahua", "America/Tijuana");
    country("BR", "America/Sao_Paulo", "America/Manaus", "America/Noronha", "America/Rio_Branco");
    country("AU", "Australia/Sydney", "Australia/Brisbane", "Australia/Adelaide", "Australia/Darwin",
        "Australia/Perth");
    country("GB", "Europe/London");
    country("IE", "Europe/Dublin");
    country("DE", "Europe/Berlin");
    country("FR", "Europe/Paris");
    country("ES", "Europe/Madrid", "Atlantic/Canary");
    country("PT", "Europe/Lisbon", "Atlantic/Azores");
    country("IT", "Europe/Rome");
    country("NL", "Europe/Amsterdam");
    country("BE", "Europe/Brussels");
    country("LU", "Europe/Luxembourg");
    country("CH", "Europe/Zurich");
    country("AT", "Europe/Vienna");
    country("DK", "Europe/Copenhagen");
    country("SE", "Europe/Stockholm");
    country("NO", "Europe/Oslo");
    country("FI", "Europe/Helsinki");
    country("PL", "Europe/Warsaw");
    country("CZ", "Europe/Prague");
    country("GR", "Europe/Athens");
    country("IL", "Asia/Jerusalem");
    country("AE", "Asia/Dubai");
    country("IN", "Asia/Kolkata");
    country("SG", "Asia/Singapore");
    country("HK", "Asia/Hong_Kong");
    country("CN", "Asia/Shanghai");
    country("JP", "Asia/Tokyo");
    country("KR", "Asia/Seoul");
    country("NZ", "Pacific/Auckland");
    country("ZA", "Africa/Johannesburg");
  }

  private Regions() {}

  /** The zones of the subdivision when known, else of the country; empty when neither is known. */
  public static List<ZoneId> zonesOf(String country, String subdivision) {
    if (country == null) {
      return List.of();
    }
    String c = country.toUpperCase(Locale.ROOT);
    if (subdivision != null) {
      List<ZoneId> zones = ZONES.get(c + "-" + subdivision.toLowerCase(Locale.ROOT));
      if (zones != null) {
        return zones;
      }
    }
    return ZONES.getOrDefault(c, List.of());
  }

  /** "Manitoba", else the country's English name ("Canada"), else the codes as given. */
  public static String nameOf(String country, String subdivision) {
    if (country == null) {
      return "an unknown country";
    }
    String c = country.toUpperCase(Locale.ROOT);
    if (subdivision != null) {
      String name = NAMES.get(c + "-" + subdivision.toLowerCase(Locale.ROOT));
      return name != null ? name : c + "-" + subdivision.toUpperCase(Locale.ROOT);
    }
    String name = Locale.of("", c).getDisplayCountry(Locale.ENGLISH);
    return name.isBlank() || name.equals(c) ? c : name;
  }

  /** The subdivisions the table knows ("US-al" → "Alabama"): every US state and DC, every Canadian province and territory. */
  public static Map<String, String> subdivisionNames() {
    return Map.copyOf(NAMES);
  }

  /** The lower-case subdivision codes of a country the table knows ("mb", "on", …), sorted; empty for others. */
  public static List<String> subdivisionsOf(String country) {
    if (country == null) {
      return List.of();
    }
    String prefix = country.toUpperCase(Locale.ROOT) + "-";
    return NAMES.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).sorted()
        .toList();
  }

  private static void us(String code, String name, String... zones) {
    put("US-" + code, zones);
    NAMES.put("US-" + code, name);
  }

  private static void ca(String code, String name, String... zones) {
    put("CA-" + code, zones);
    NAMES.put("CA-" + code, name);
  }

  private static void country(String code, String... zones) {
    put(code, zones);
  }

  private static void put(String key, String... zones) {
    ZONES.put(key, java.util.Arrays.stream(zones).map(ZoneId::of).toList());
  }
}
