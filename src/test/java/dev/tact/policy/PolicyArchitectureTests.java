package dev.tact.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The policy's rules and calendars are plain Java: no Spring in them, so they can be reasoned about and reused. */
class PolicyArchitectureTests {

  private static final JavaClasses POLICY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.tact.policy");

  @Test
  void shouldKeepSpringOutWhenClassesAreRulesOrCalendars() {
    ArchRule rule = noClasses().that().resideInAnyPackage("dev.tact.policy.rules..", "dev.tact.policy.calendar..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
        .because("the contact policy's rules are pure functions of their facts (issue 6)");

    rule.check(POLICY);
  }

  @Test
  void shouldKeepRulesAndCalendarsFromTheClockWhenDeciding() {
    ArchRule rule = noClasses().that().resideInAnyPackage("dev.tact.policy.rules..", "dev.tact.policy.calendar..")
        .should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.ZonedDateTime.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .because("a decision depends on the request's proposed instant only, so it can be replayed");

    rule.check(POLICY);
  }
}
