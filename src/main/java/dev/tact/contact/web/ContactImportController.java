package dev.tact.contact.web;

import dev.tact.contact.ContactImport;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.Role;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Contacts → Import: a CSV file of contacts (leads and admins), read a row at a time. */
@UiController
class ContactImportController {

  private final ContactImport imports;

  ContactImportController(ContactImport imports) {
    this.imports = imports;
  }

  @PostMapping("/contacts/import")
  String importCsv(@RequestParam(name = "file", required = false) MultipartFile file, Authentication auth,
      RedirectAttributes redirect) {
    return Flash.run(redirect, "/contacts", null, () -> {
      if (auth == null || auth.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(Role.LEAD.authority()))) {
        throw new ProblemException(403, "forbidden", "Forbidden", "Only leads and admins may import contacts.");
      }
      if (file == null || file.isEmpty()) {
        throw ProblemException.invalid("missing-file", "Choose a CSV file to import.");
      }
      try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
        ContactImport.Result result = imports.importCsv(reader);
        redirect.addFlashAttribute("notice", "Imported " + result.rows() + (result.rows() == 1 ? " row: " : " rows: ")
            + result.created() + " created, " + result.updated() + " updated.");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
