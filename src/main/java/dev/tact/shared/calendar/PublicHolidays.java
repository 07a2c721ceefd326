package dev.tact.shared.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays of a country and subdivision (Jollyday), cached per (country, subdivision, year); thread-safe.
 *
 * <p>Both the actual and the observed date of a holiday count (Jollyday's {@code isHoliday} only knows the observed
 * one: US 2026-07-04 is a Saturday, observed on Friday the 3rd; neither day is a good day for a sales call). Public
 * and bank holidays count, observances do not: Thanksgiving is a bank holiday in NS, NB, NL and PE, optional there
 * but widely kept, so sales calls stay off it. Canadian Thanksgiving exists only in the provincial calendars: a
 * contact without a subdivision gets the five national holidays only.
 */
public final class PublicHolidays {

  private static final PublicHolidays SHARED = new PublicHolidays();
  private static final Set<String> SUPPORTED = HolidayManager.getSupportedCalendarCodes();

  private final Map<String, Optional<HolidayManager>> managers = new ConcurrentHashMap<>();
  private final Map<Key, Map<LocalDate, String>> years = new ConcurrentHashMap<>();

  private record Key(String country, String subdivision, boolean bankHolidays, int year) {}

  /** One instance for the whole process: its caches hold a few kilobytes per country and year. */
  public static PublicHolidays shared() {
    return SHARED;
  }

  /** The name of the holiday on {@code date} in the country (ISO alpha-2) and subdivision (may be null), if any. */
  public Optional<String> on(String country, String subdivision, LocalDate date) {
    if (country == null || country.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(holidays(country, subdivision, true, date.getYear()).get(date));
  }

  /**
   * The closed days of a year: public holidays, and bank holidays when asked for (actual and observed
   * dates). A country Jollyday does not know has none (ask {@link #knows} first when that is an error).
   */
  public Set<LocalDate> closedDays(String country, String subdivision, boolean bankHolidays, int year) {
    return holidays(country, subdivision, bankHolidays, year).keySet();
  }

  private Map<LocalDate, String> holidays(String country, String subdivision, boolean bankHolidays, int year) {
    String sub = subdivision == null || subdivision.isBlank() ? "" : subdivision.toLowerCase(Locale.ROOT);
    Key key = new Key(country.toUpperCase(Locale.ROOT), sub, bankHolidays, year);
    return years.computeIfAbsent(key, this::load);
  }

  /** Whether Jollyday has a calendar for the country. */
  public boolean knows(String country) {
    return country != null && SUPPORTED.contains(country.toUpperCase(Locale.ROOT));
  }

  private Map<LocalDate, String> load(Key key) {
    Optional<HolidayManager> manager = managers.computeIfAbsent(key.country(), this::manager);
    if (manager.isEmpty()) {
      return Map.of();
    }
    Map<LocalDate, String> days = new HashMap<>();
    // an observed date may fall in the neighbouring year (New Year 2022 was observed on 31 December 2021)
    for (int year = key.year() - 1; year <= key.year() + 1; year++) {
      Set<Holiday> holidays = key.subdivision().isEmpty()
          ? manager.get().getHolidays(Year.of(year))
          : manager.get().getHolidays(Year.of(year), key.subdivision());
      for (Holiday holiday : holidays) {
        if (holiday.getType() == HolidayType.PUBLIC_HOLIDAY
            || key.bankHolidays() && holiday.getType() == HolidayType.BANK_HOLIDAY) {
          String name = holiday.getDescription(Locale.ENGLISH);
          put(days, key.year(), holiday.getActualDate(), name);
          holiday.getObservedDate().ifPresent(observed -> put(days, key.year(), observed, name + " (observed)"));
        }
      }
    }
    return Map.copyOf(days);
  }

  private static void put(Map<LocalDate, String> days, int year, LocalDate date, String name) {
    if (date.getYear() == year) {
      days.putIfAbsent(date, name);
    }
  }

  private Optional<HolidayManager> manager(String country) {
    if (!SUPPORTED.contains(country)) {
      return Optional.empty();
    }
    try {
      return Optional.of(HolidayManager.getInstance(ManagerParameters.create(country)));
    } catch (RuntimeException unavailable) {
      return Optional.empty();
    }
  }
}
