package dev.tact.sla.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays from Jollyday, cached per (country, subdivision, kinds, year); thread-safe, one shared instance.
 *
 * <p>Both the actual and the observed date of a holiday close the day (US 2026-07-04 is a Saturday observed on
 * Friday the 3rd: the team is off on the Friday). Observances never count; bank holidays count when asked for.
 * This duplicates, on purpose and in small, the contact policy's lookup, so that SLAs do not depend on its
 * internals.
 */
public final class JollydayHolidays {

  private static final JollydayHolidays SHARED = new JollydayHolidays();

  private final Set<String> supported = HolidayManager.getSupportedCalendarCodes();
  private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
  private final Map<Key, Set<LocalDate>> years = new ConcurrentHashMap<>();

  private record Key(String country, String subdivision, boolean bankHolidays, int year) {}

  public static JollydayHolidays shared() {
    return SHARED;
  }

  /** Whether Jollyday has a calendar for the country (ISO 3166 alpha-2, any case). */
  public boolean knows(String country) {
    return country != null && supported.contains(country.toUpperCase(Locale.ROOT));
  }

  /** The closed dates of the year (subdivision may be empty for the national holidays only). */
  public Set<LocalDate> in(String country, String subdivision, boolean bankHolidays, int year) {
    Key key = new Key(country.toUpperCase(Locale.ROOT), subdivision.toLowerCase(Locale.ROOT), bankHolidays, year);
    return years.computeIfAbsent(key, this::load);
  }

  private Set<LocalDate> load(Key key) {
    if (!knows(key.country())) {
      throw new IllegalArgumentException("Jollyday has no holidays for the country " + key.country());
    }
    HolidayManager manager = managers.computeIfAbsent(key.country(),
        country -> HolidayManager.getInstance(ManagerParameters.create(country)));
    Set<LocalDate> dates = new HashSet<>();
    // an observed date may fall in the neighbouring year (New Year 2022 was observed on 31 December 2021)
    for (int year = key.year() - 1; year <= key.year() + 1; year++) {
      Set<Holiday> holidays = key.subdivision().isEmpty()
          ? manager.getHolidays(Year.of(year))
          : manager.getHolidays(Year.of(year), key.subdivision());
      for (Holiday holiday : holidays) {
        if (holiday.getType() == HolidayType.PUBLIC_HOLIDAY
            || key.bankHolidays() && holiday.getType() == HolidayType.BANK_HOLIDAY) {
          add(dates, key.year(), holiday.getActualDate());
          holiday.getObservedDate().ifPresent(observed -> add(dates, key.year(), observed));
        }
      }
    }
    return Set.copyOf(dates);
  }

  private static void add(Set<LocalDate> dates, int year, LocalDate date) {
    if (date.getYear() == year) {
      dates.add(date);
    }
  }
}
