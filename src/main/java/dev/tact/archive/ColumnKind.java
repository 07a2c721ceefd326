package dev.tact.archive;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * The canonical, database-independent encoding of one column's values in an archive: the same row reads the same
 * from H2 and from PostgreSQL. Timestamps with a zone are UTC instants in ISO form, bytes base64, numbers and
 * booleans JSON literals, UUIDs and text JSON strings.
 */
enum ColumnKind {
  TEXT, INTEGER, DECIMAL, DOUBLE, BOOLEAN, UUID, TIMESTAMP_TZ, TIMESTAMP, DATE, TIME, BYTES;

  static ColumnKind of(String table, String column, int jdbcType, String typeName) {
    String name = typeName.toLowerCase(Locale.ROOT);
    if (name.equals("uuid")) {
      return UUID;
    }
    if (name.equals("timestamptz") || (name.startsWith("timestamp") && name.contains("with time zone"))) {
      return TIMESTAMP_TZ;
    }
    return switch (jdbcType) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR, Types.NCLOB -> TEXT;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
      case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> DOUBLE;
      case Types.BOOLEAN, Types.BIT -> BOOLEAN;
      case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_TZ;
      case Types.TIMESTAMP -> TIMESTAMP;
      case Types.DATE -> DATE;
      case Types.TIME -> TIME;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
      default -> throw new ArchiveProblem("Column " + table + "." + column + " has the type " + typeName
          + ", which the archive format cannot encode yet");
    };
  }

  /** Appends the value at this result set column as a JSON token ({@code null} included). */
  void write(ResultSet rs, int index, CanonicalRow out) throws SQLException {
    switch (this) {
      case TEXT -> out.string(rs.getString(index));
      case INTEGER -> {
        long value = rs.getLong(index);
        if (rs.wasNull()) {
          out.nullValue();
        } else {
          out.integer(value);
        }
      }
      case DECIMAL -> {
        BigDecimal value = rs.getBigDecimal(index);
        if (value == null) {
          out.nullValue();
        } else {
          out.literal(value.toPlainString());
        }
      }
      case DOUBLE -> {
        double value = rs.getDouble(index);
        if (rs.wasNull()) {
          out.nullValue();
        } else if (Double.isFinite(value)) {
          out.literal(Double.toString(value));
        } else {
          out.safeString(Double.toString(value));
        }
      }
      case BOOLEAN -> {
        boolean value = rs.getBoolean(index);
        if (rs.wasNull()) {
          out.nullValue();
        } else {
          out.literal(value ? "true" : "false");
        }
      }
      case UUID -> out.uuid(rs.getObject(index, java.util.UUID.class));
      case TIMESTAMP_TZ -> {
        OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
        if (value == null) {
          out.nullValue();
        } else {
          out.instant(value.toEpochSecond(), value.getNano());
        }
      }
      case TIMESTAMP -> {
        LocalDateTime value = rs.getObject(index, LocalDateTime.class);
        out.safeString(value == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value));
      }
      case DATE -> {
        LocalDate value = rs.getObject(index, LocalDate.class);
        out.safeString(value == null ? null : value.toString());
      }
      case TIME -> {
        LocalTime value = rs.getObject(index, LocalTime.class);
        out.safeString(value == null ? null : DateTimeFormatter.ISO_LOCAL_TIME.format(value));
      }
      case BYTES -> out.base64(rs.getBytes(index));
    }
  }

  /** Binds a token {@link CanonicalJson#parseArray} read (null, Boolean, String or {@link CanonicalJson.Number}). */
  void bind(PreparedStatement statement, int index, Object token, int jdbcType) throws SQLException {
    if (token == null) {
      statement.setNull(index, jdbcType);
      return;
    }
    String text = token instanceof CanonicalJson.Number number ? number.literal() : token.toString();
    switch (this) {
      case TEXT -> statement.setString(index, text);
      case INTEGER -> statement.setLong(index, Long.parseLong(text));
      case DECIMAL -> statement.setBigDecimal(index, new BigDecimal(text));
      case DOUBLE -> statement.setDouble(index, Double.parseDouble(text));
      case BOOLEAN -> statement.setBoolean(index, (Boolean) token);
      case UUID -> statement.setObject(index, java.util.UUID.fromString(text));
      case TIMESTAMP_TZ -> statement.setObject(index, OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC));
      case TIMESTAMP -> statement.setObject(index, LocalDateTime.parse(text));
      case DATE -> statement.setObject(index, LocalDate.parse(text));
      case TIME -> statement.setObject(index, LocalTime.parse(text));
      case BYTES -> statement.setBytes(index, Base64.getDecoder().decode(text));
    }
  }
}
