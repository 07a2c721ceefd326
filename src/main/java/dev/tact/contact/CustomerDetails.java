package dev.tact.contact;

import dev.tact.shared.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What the company knows of a contact as a customer: since when (a seven-year customer imported today is not
 * new; null = since Tact first heard from them) and their plan or value in the company's words.
 */
public record CustomerDetails(LocalDate customerSince, String plan) {

  static final int MAX_PLAN = 200;
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  public CustomerDetails {
    plan = plan == null || plan.isBlank() ? null : plan.strip();
  }

  /**
   * "2019-03-01", or a full ISO instant ("2019-03-01T10:00:00Z", its UTC date counts); blank is null; anything
   * else is a 422 naming the field.
   */
  public static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      return v.length() <= 10 ? LocalDate.parse(v) : OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC)
          .toLocalDate();
    } catch (DateTimeException e) {
      throw ProblemException.invalid("invalid-customer-since",
          "customerSince '" + value + "' is not a date such as 2019-03-01.");
    }
  }

  /** Checks the values against today: a 422 for a date in the future or before 1900, or a plan too long. */
  void validate(LocalDate today) {
    if (customerSince != null && (customerSince.isAfter(today) || customerSince.isBefore(EARLIEST))) {
      throw ProblemException.invalid("invalid-customer-since", "customerSince " + customerSince
          + " must be a day between 1900-01-01 and today.");
    }
    if (plan != null && plan.length() > MAX_PLAN) {
      throw ProblemException.invalid("invalid-plan", "plan has at most " + MAX_PLAN + " characters.");
    }
  }

  /**
   * The instant stored for the day: noon UTC, so that the day reads the same wherever the server's clock is set
   * (midnight UTC is the day before in the Americas).
   */
  Instant sinceInstant() {
    return customerSince == null ? null : customerSince.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }
}
