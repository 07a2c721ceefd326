package dev.tact.policy.web;

import dev.tact.policy.DoNotCallListing;
import dev.tact.policy.DoNotCallRegister;
import dev.tact.policy.DoNotCallRegisters;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffPrincipals;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → Contact policy → Do-not-call registers: load a register from a CSV file (add or replace), add or take
 * off one number, look a number up, remove a register. Admins only (the /admin/** rule).
 */
@UiController
class DoNotCallAdminController {

  private static final String PAGE = "/admin/policy/do-not-call";

  private final DoNotCallRegisters registers;
  private final StaffPrincipals principals;

  DoNotCallAdminController(DoNotCallRegisters registers, StaffPrincipals principals) {
    this.registers = registers;
    this.principals = principals;
  }

  @GetMapping(PAGE)
  String show(@RequestParam(defaultValue = "") String register, @RequestParam(defaultValue = "") String number,
      Model model) {
    Map<DoNotCallRegister, Optional<DoNotCallRegisters.Summary>> all = new LinkedHashMap<>();
    for (DoNotCallRegister r : DoNotCallRegister.values()) {
      all.put(r, registers.register(r));
    }
    model.addAttribute("registers", all);
    model.addAttribute("kinds", DoNotCallRegister.values());
    model.addAttribute("register", register);
    model.addAttribute("number", number);
    if (!register.isBlank() && !number.isBlank()) {
      try {
        DoNotCallRegister which = register(register);
        Optional<DoNotCallListing> found = registers.lookup(which, number);
        model.addAttribute("lookup", found.map(l -> l.number() + " is on " + which.title() + " since "
            + l.registeredOn() + ".").orElse(number + " is not on " + which.title() + "."));
      } catch (ProblemException e) {
        model.addAttribute("problem", e.getMessage());
      }
    }
    return "policy/do-not-call";
  }

  @PostMapping(PAGE + "/{register}/upload")
  String upload(@PathVariable String register, @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "add") String mode, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, null, () -> {
      DoNotCallRegister which = register(register);
      if (file == null || file.isEmpty()) {
        throw ProblemException.invalid("missing-file", "Choose a CSV file: a number and the date it was registered "
            + "per row.");
      }
      String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "a file"
          : file.getOriginalFilename();
      try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
        DoNotCallRegisters.LoadResult result = registers.load(which, reader, mode(mode), name, principals.who(auth));
        redirect.addFlashAttribute("notice", which.title() + ": " + dev.tact.shared.Wording.count(result.rows(), "row", "rows") + " "
            + (result.mode() == DoNotCallRegisters.Mode.REPLACE ? "replaced it" : "added") + "; "
            + dev.tact.shared.Wording.count(result.entries(), "number", "numbers") + " on it now.");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @PostMapping(PAGE + "/{register}/entries")
  String addOne(@PathVariable String register, @RequestParam(defaultValue = "") String number,
      @RequestParam(defaultValue = "") String registeredOn, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Number added.", () -> registers.add(register(register),
        List.of(new DoNotCallRegisters.Entry(number, registeredOn)), DoNotCallRegisters.Mode.ADD, principals.who(auth)));
  }

  @PostMapping(PAGE + "/{register}/entries/remove")
  String removeOne(@PathVariable String register, @RequestParam(defaultValue = "") String number,
      Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, null, () -> {
      DoNotCallRegister which = register(register);
      boolean removed = registers.remove(which, number, principals.who(auth));
      redirect.addFlashAttribute(removed ? "notice" : "problem", removed ? number + " taken off " + which.title() + "."
          : number + " is not on " + which.title() + ".");
    });
  }

  @PostMapping(PAGE + "/{register}/remove")
  String remove(@PathVariable String register, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, null, () -> {
      DoNotCallRegister which = register(register);
      long entries = registers.clear(which, principals.who(auth));
      redirect.addFlashAttribute("notice", which.title() + " removed with "
          + (entries == 1 ? "its one number." : "its " + dev.tact.shared.Wording.count(entries, "number", "numbers") + "."));
    });
  }

  private static DoNotCallRegister register(String value) {
    return DoNotCallRegister.bySlug(value).orElseThrow(() -> ProblemException.invalid("unknown-register",
        "Unknown register '" + value + "': use one of " + Arrays.stream(DoNotCallRegister.values())
            .map(DoNotCallRegister::slug).toList() + "."));
  }

  private static DoNotCallRegisters.Mode mode(String value) {
    return "replace".equals(value.strip().toLowerCase(Locale.ROOT)) ? DoNotCallRegisters.Mode.REPLACE
        : DoNotCallRegisters.Mode.ADD;
  }
}
