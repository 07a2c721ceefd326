package dev.tact.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Small formatting helpers the templates reach as {@code ${fmt}}: times in the reader's zone, named ("2026-03-05
 * 14:05 CET"), counts, sizes. One is made per page for whoever reads it (see {@code dev.tact.staff.AgentZones}).
 */
public final class UiFormat {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final ZoneId zone;

  public UiFormat(ZoneId zone) {
    this.zone = zone;
  }

  /** The instant in the reader's zone with the zone's short name: "2026-03-05 14:05 CET"; "" for none. */
  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant.atZone(zone));
  }

  /** The reader's zone. */
  public ZoneId zone() {
    return zone;
  }

  /** The reader's zone as people name it: "Europe/Paris (Central European Time)", for titles and settings. */
  public String zoneName() {
    String id = zone.getId();
    String name = zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    return name.equals(id) ? id : id + " (" + name + ")";
  }

  /** A byte count as people read it: 512 B, 12.3 KB, 4.0 MB. */
  public String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** A count with the noun that fits it, for templates: {@code fmt.count(n, 'identity', 'identities')}. */
  public String count(long count, String one, String many) {
    return dev.tact.shared.Wording.count(count, one, many);
  }

  /** Business minutes as "2 h 05 min" or "45 min" (negative: "−45 min"), for templates: {@code fmt.minutes(m)}. */
  public String minutes(Long minutes) {
    return businessMinutes(minutes);
  }

  /** Business minutes as "2 h 05 min" or "45 min" (negative: "−45 min"); "" for none. */
  public static String businessMinutes(Long minutes) {
    if (minutes == null) {
      return "";
    }
    long m = Math.abs(minutes);
    String text = m >= 60 ? (m / 60) + " h " + String.format("%02d", m % 60) + " min" : m + " min";
    return minutes < 0 ? "−" + text : text;
  }

  /** The day in the reader's zone: "5 Mar 2026". */
  public String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant.atZone(zone));
  }
}
