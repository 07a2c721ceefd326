package dev.tact.archive;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a value of a PostgreSQL type arrives in a binary copy (the type's send function), written to a row as
 * {@link ColumnKind#write} writes the value the JDBC driver makes of it. Types not here (numeric, time, json, ...)
 * make their table go through JDBC.
 */
enum PostgresBinaryColumn {
  TEXT, SMALLINT, INT, BIGINT, BOOLEAN, REAL, DOUBLE, UUID, TIMESTAMPTZ, TIMESTAMP, DATE, BYTEA;

  /** Seconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01 (UTC). */
  private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;
  private static final int POSTGRES_EPOCH_DAY = 10_957;

  static PostgresBinaryColumn of(DatabaseSchema.Column column) {
    if (column.typeName() == null) {
      return null;
    }
    return switch (column.typeName().toLowerCase(Locale.ROOT)) {
      case "text", "varchar", "bpchar" -> TEXT;
      case "int2", "smallserial" -> SMALLINT;
      case "int4", "serial" -> INT;
      case "int8", "bigserial" -> BIGINT;
      case "bool" -> BOOLEAN;
      case "float4" -> REAL;
      case "float8" -> DOUBLE;
      case "uuid" -> UUID;
      case "timestamptz" -> TIMESTAMPTZ;
      case "timestamp" -> TIMESTAMP;
      case "date" -> DATE;
      case "bytea" -> BYTEA;
      default -> null;
    };
  }

  /** Writes the value in {@code bytes[offset, offset + length)} (never SQL null: the caller writes those). */
  void write(byte[] bytes, int offset, int length, CanonicalRow out) {
    switch (this) {
      case TEXT -> out.utf8(bytes, offset, length);
      case SMALLINT -> out.integer((short) (bytes[offset] << 8 | (bytes[offset + 1] & 0xFF)));
      case INT -> out.integer(int32(bytes, offset));
      case BIGINT -> out.integer(int64(bytes, offset));
      case BOOLEAN -> out.literal(bytes[offset] != 0 ? "true" : "false");
      case REAL -> real(Float.intBitsToFloat(int32(bytes, offset)), out);
      case DOUBLE -> real(Double.longBitsToDouble(int64(bytes, offset)), out);
      case UUID -> out.uuid(int64(bytes, offset), int64(bytes, offset + 8));
      case TIMESTAMPTZ -> {
        long micros = int64(bytes, offset);
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
          // infinity: the driver gives OffsetDateTime.MAX or MIN
          OffsetDateTime bound = micros == Long.MAX_VALUE ? OffsetDateTime.MAX : OffsetDateTime.MIN;
          out.safeString(DateTimeFormatter.ISO_INSTANT.format(bound.toInstant()));
        } else {
          out.instant(POSTGRES_EPOCH_SECOND + Math.floorDiv(micros, 1_000_000L),
              (int) Math.floorMod(micros, 1_000_000L) * 1000);
        }
      }
      case TIMESTAMP -> {
        long micros = int64(bytes, offset);
        LocalDateTime value = micros == Long.MAX_VALUE ? LocalDateTime.MAX : micros == Long.MIN_VALUE
            ? LocalDateTime.MIN : LocalDateTime.ofEpochSecond(POSTGRES_EPOCH_SECOND + Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        out.safeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value));
      }
      case DATE -> {
        int days = int32(bytes, offset);
        LocalDate value = days == Integer.MAX_VALUE ? LocalDate.MAX : days == Integer.MIN_VALUE ? LocalDate.MIN
            : LocalDate.ofEpochDay((long) POSTGRES_EPOCH_DAY + days);
        out.safeString(value.toString());
      }
      case BYTEA -> out.base64(bytes, offset, length);
    }
  }

  private static void real(double value, CanonicalRow out) {
    if (Double.isFinite(value)) {
      out.literal(Double.toString(value));
    } else {
      out.safeString(Double.toString(value));
    }
  }

  private static int int32(byte[] bytes, int offset) {
    return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8
        | (bytes[offset + 3] & 0xFF);
  }

  private static long int64(byte[] bytes, int offset) {
    return (long) int32(bytes, offset) << 32 | (int32(bytes, offset + 4) & 0xFFFFFFFFL);
  }
}
