package dev.tact.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tact.conversation.ConversationManagement;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The portal is a door: what a customer writes enters through intake, and of the conversation module it only reads
 * and changes a status (closing). It never files, replies or adds notes itself.
 */
class PortalArchitectureTests {

  private static final JavaClasses PORTAL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tact.portal");

  @Test
  void shouldOnlyReadConversationsAndChangeTheirStatus() {
    Set<String> called = new TreeSet<>();
    PORTAL.forEach(c -> c.getMethodCallsFromSelf().stream()
        .filter(call -> call.getTargetOwner().isEquivalentTo(ConversationManagement.class))
        .map(JavaMethodCall::getName).forEach(called::add));

    assertThat(called).isNotEmpty().isSubsetOf("changeStatus", "details", "findByReference", "ofContact");
  }

  @Test
  void shouldHandRepliesToIntake() {
    Set<String> called = new TreeSet<>();
    PORTAL.forEach(c -> c.getMethodCallsFromSelf().stream()
        .filter(call -> call.getTargetOwner().getPackageName().startsWith("dev.tact.intake"))
        .map(call -> call.getTargetOwner().getSimpleName() + "." + call.getName()).forEach(called::add));

    assertThat(called).contains("MessageIntake.submit");
  }
}
