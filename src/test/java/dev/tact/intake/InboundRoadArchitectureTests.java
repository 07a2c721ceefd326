package dev.tact.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import dev.tact.testsupport.TactClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import dev.tact.conversation.ConversationManagement;
import dev.tact.noise.NoiseControl;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The road in stays one road: only its filing step files, only its thread step threads, and noise control
 * decides from the facts it is given without calling back into the modules that gave them.
 */
class InboundRoadArchitectureTests {

  private static final JavaClasses TACT = TactClasses.all();

  @Test
  void shouldFileEveryChannelsItemsThroughTheOneFilingStep() {
    noClasses().that().resideInAPackage("dev.tact.intake..").and().doNotHaveFullyQualifiedName(FileStep.class.getName())
        .should().callMethodWhere(conversationMethod("receiveInbound"))
        .because("every channel files through FileStep; a new channel adds a reader, not a filing sequence")
        .check(TACT);
  }

  @Test
  void shouldThreadOnlyInTheThreadStep() {
    noClasses().that().resideInAPackage("dev.tact.intake..").and()
        .doNotHaveFullyQualifiedName(ThreadStep.class.getName())
        .should().callMethodWhere(conversationMethod("threadOf"))
        .because("where a message belongs, redelivery included, is decided once")
        .check(TACT);
  }

  @Test
  void shouldDecideNoiseWithoutCallingBackIntoIntakeConversationOrContact() {
    Set<String> called = callsReachableFrom(TACT.get(NoiseControl.class), "decide");

    assertThat(called).isNotEmpty().noneMatch(owner -> owner.startsWith("dev.tact.intake.")
        || owner.startsWith("dev.tact.contact.") || owner.equals(ConversationManagement.class.getName()));
  }

  private static DescribedPredicate<JavaMethodCall> conversationMethod(String name) {
    return DescribedPredicate.describe("ConversationManagement." + name,
        call -> call.getTargetOwner().isEquivalentTo(ConversationManagement.class) && call.getName().equals(name));
  }

  /** The owners of every method called from {@code method}, following the class's own methods and lambdas. */
  private static Set<String> callsReachableFrom(JavaClass owner, String method) {
    Set<String> owners = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(method);
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (!seen.add(name)) {
        continue;
      }
      for (JavaCodeUnit unit : owner.getCodeUnits()) {
        if (!unit.getName().equals(name) && !unit.getName().startsWith("lambda$" + name + "$")) {
          continue;
        }
        if (!unit.getName().equals(name)) {
          todo.add(unit.getName());
        }
        for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
          if (call.getTargetOwner().equals(owner)) {
            todo.add(call.getName());
          } else {
            owners.add(call.getTargetOwner().getName());
          }
        }
      }
    }
    return owners;
  }
}
