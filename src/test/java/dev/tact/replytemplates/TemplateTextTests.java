package dev.tact.replytemplates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTests {

  @Test
  void fillsFieldsExactlyAsStoredAndKeepsMissingOnesVisible() {
    Map<String, String> values = new HashMap<>();
    values.put("contact.given_name", "Siobhán");
    values.put("contact.family_name", "Ó Súilleabháin");
    values.put("customer.plan", null);

    FilledReply filled = TemplateText.fill("Dear {{ contact.given_name }} {{contact.family_name}}, your plan "
        + "{{customer.plan}} and order {{field.Order number}}.", values, Map.of("order number", "A-1042"));

    assertThat(filled.text()).isEqualTo("Dear Siobhán Ó Súilleabháin, your plan {{customer.plan}} and order A-1042.");
    assertThat(filled.missing()).containsExactly("customer.plan");
    assertThat(filled.unknown()).isEmpty();
    assertThat(filled.complete()).isFalse();
    assertThat(filled.parts()).extracting(FilledReply.Part::kind).containsExactly(FilledReply.Kind.TEXT,
        FilledReply.Kind.FILLED, FilledReply.Kind.TEXT, FilledReply.Kind.FILLED, FilledReply.Kind.TEXT,
        FilledReply.Kind.MISSING, FilledReply.Kind.TEXT, FilledReply.Kind.FILLED, FilledReply.Kind.TEXT);
  }

  @Test
  void anUnknownFieldIsNamedNotDropped() {
    FilledReply filled = TemplateText.fill("Hi {{contact.surname}}", Map.of(), Map.of());

    assertThat(filled.text()).isEqualTo("Hi {{contact.surname}}");
    assertThat(filled.unknown()).containsExactly("contact.surname");
    assertThat(TemplateText.unknownFields("{{contact.surname}} {{agent.name}} {{field.Order}} {{field.}}"))
        .containsExactly("contact.surname", "field.");
  }

  @Test
  void aBlankValueCountsAsMissing() {
    FilledReply filled = TemplateText.fill("{{contact.given_name}}!", Map.of("contact.given_name", "  "), Map.of());

    assertThat(filled.missing()).containsExactly("contact.given_name");
    assertThat(filled.text()).isEqualTo("{{contact.given_name}}!");
  }

  @Test
  void tenureInYearsOrMonths() {
    LocalDate today = LocalDate.of(2026, 12, 6);
    assertThat(ReplyTemplates.tenure(LocalDate.of(2019, 3, 1), today)).isEqualTo("7 years");
    assertThat(ReplyTemplates.tenure(LocalDate.of(2025, 11, 1), today)).isEqualTo("1 year");
    assertThat(ReplyTemplates.tenure(LocalDate.of(2026, 7, 6), today)).isEqualTo("5 months");
    assertThat(ReplyTemplates.tenure(LocalDate.of(2026, 11, 20), today)).isEqualTo("less than a month");
  }
}
