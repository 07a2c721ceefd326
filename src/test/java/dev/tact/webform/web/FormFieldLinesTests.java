package dev.tact.webform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tact.shared.ProblemException;
import dev.tact.webform.FormField;
import org.junit.jupiter.api.Test;

/** Admin → Web forms edits extra fields as lines: "Label; required; max length; key=…". */
class FormFieldLinesTests {

  @Test
  void shouldReadEachLineAsAField() {
    assertThat(FormsAdminController.FormForm.fields("Order number; required; 40\n\n  Device serial ;optional\r\n"
        + "Postcode; 12; key=zip"))
        .containsExactly(new FormField(null, "Order number", true, 40), new FormField(null, "Device serial", false, 0),
            new FormField("zip", "Postcode", false, 12));
  }

  @Test
  void shouldNameTheLineAndPartItCannotRead() {
    assertThatThrownBy(() -> FormsAdminController.FormForm.fields("Order number; mandatory"))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage())
            .contains("'Order number; mandatory'").contains("'mandatory'"));
  }

  @Test
  void shouldWriteAFormsFieldsAsLinesItReadsBack() {
    var form = new dev.tact.webform.WebForm(java.util.UUID.randomUUID(), "returns", "Returns", null,
        java.util.List.of(new FormField("order_number", "Order number", true, 40)), 1024, 2, java.util.List.of(), null,
        true, java.time.Instant.EPOCH);

    assertThat(FormsAdminController.FormForm.fields(FormsAdminController.FormForm.of(form).fields()))
        .containsExactly(new FormField("order_number", "Order number", true, 40));
  }
}
