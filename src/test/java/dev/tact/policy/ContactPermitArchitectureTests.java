package dev.tact.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Nothing in Tact records (and later sends) an outbound contact without a decision: a contact is
 * recorded only with a {@link ContactPermit}, and only the policy module can make one.
 */
class ContactPermitArchitectureTests {

  private static final JavaClasses TACT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tact");

  @Test
  void shouldLetOnlyThePolicyModuleIssuePermits() {
    noClasses().that().resideOutsideOfPackage("dev.tact.policy")
        .should().callConstructor(ContactPermit.class, java.util.UUID.class, DecisionRequest.class,
            java.time.Instant.class)
        .because("a permit is the policy's word that a contact may be made")
        .check(TACT);
  }

  @Test
  void shouldRecordContactsOnlyWithAPermit() {
    Method[] recorders = Arrays.stream(ContactHistory.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getName().startsWith("record"))
        .toArray(Method[]::new);

    assertThat(recorders).isNotEmpty().allSatisfy(m -> assertThat(m.getParameterTypes()).contains(ContactPermit.class));
    assertThat(Arrays.stream(ContactPermit.class.getDeclaredConstructors()))
        .allSatisfy(c -> assertThat(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()))
            .as("constructor %s must be package-private", c).isFalse());
  }
}
