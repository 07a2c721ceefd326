package dev.tact.contact.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

/** How long someone has been a customer, in words: "7 years", "5 months", "new this month". */
final class Tenure {

  private Tenure() {}

  static String of(Instant since, Instant now) {
    if (since == null || since.isAfter(now)) {
      return "";
    }
    Period period = Period.between(LocalDate.ofInstant(since, ZoneOffset.UTC), LocalDate.ofInstant(now, ZoneOffset.UTC));
    if (period.getYears() > 0) {
      return period.getYears() + (period.getYears() == 1 ? " year" : " years");
    }
    if (period.getMonths() > 0) {
      return period.getMonths() + (period.getMonths() == 1 ? " month" : " months");
    }
    return "new this month";
  }
}
