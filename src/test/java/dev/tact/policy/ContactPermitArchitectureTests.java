package dev.tact.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.tact.testsupport.TactClasses;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing in Tact records (and later sends) an outbound contact without a decision: a contact is
 * recorded only with a {@link ContactPermit}, and only the policy module can make one.
 */
class ContactPermitArchitectureTests {

  private static final JavaClasses TACT = TactClasses.all();

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

    assertThat(recorders).isNotEmpty().allSatisfy(m -> assertThat(Arrays.stream(m.getGenericParameterTypes())
        .map(java.lang.reflect.Type::getTypeName)).as(m.getName())
        .anyMatch(type -> type.equals(ContactPermit.class.getName())
            || type.equals("java.util.List<" + ContactPermit.class.getName() + ">")));
    assertThat(Arrays.stream(ContactPermit.class.getDeclaredConstructors()))
        .allSatisfy(c -> assertThat(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()))
            .as("constructor %s must be package-private", c).isFalse());
  }

  @Test
  void shouldLetOnlyContactsAlreadyMadeElsewhereIntoTheHistoryWithoutAPermit() {
    // addMadeElsewhere refuses an instant in the future (WhereaboutsRegistersApiContract), so it cannot schedule one
    assertThat(Arrays.stream(ContactHistory.class.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
        .map(Method::getName).distinct().sorted())
        .as("a new way into the contact history must be checked here")
        .containsExactly("addMadeElsewhere", "attemptsOf", "of", "record", "recordAll");
  }

  @Test
  void shouldLetTheOutboxMakeARowSendableOnlyWithAPermit() throws ClassNotFoundException {
    Class<?> store = Class.forName("dev.tact.delivery.OutboxStore");
    Method[] sendable = Arrays.stream(store.getDeclaredMethods())
        .filter(m -> m.getName().equals("queue") || m.getName().equals("requeue") || m.getName().equals("queued"))
        .toArray(Method[]::new);

    assertThat(sendable).hasSize(3)
        .allSatisfy(m -> assertThat(m.getParameterTypes()).as(m.getName()).contains(ContactPermit.class));
    // Every other way into the outbox table writes a final state only, or a row already sendable (retries);
    // providerStatus only turns a SENT row FAILED (a provider's status callback); setCopies only adds a reply's
    // CC/BCC envelope recipients to the row queued with the reply's permit, in the same transaction.
    assertThat(Arrays.stream(store.getDeclaredMethods()).filter(m -> !Modifier.isPrivate(m.getModifiers()))
        .map(Method::getName).distinct().sorted())
        .as("a new method that writes outbox rows must be checked here")
        .containsExactly("backlog", "claim", "countByState", "countHardBounce", "countWaiting", "countWaitingEmail", "discardSentContent",
            "domainOf", "find", "findAll", "findByHeaderMessageId", "findByKey", "findByKeys", "finish", "hardBounces", "hasContent", "insertAll",
            "insertUnsendable", "list", "ofMessages", "providerStatus", "queue", "queueStaffMail", "queued", "record",
            "requeue", "setCopies", "undeliverable", "unsendable");
    // A batch's rows: only queued (with a permit) makes a sendable one; unsendable refuses any but a final state.
    Class<?> row = Class.forName("dev.tact.delivery.OutboxStore$NewRow");
    assertThat(row.getDeclaredConstructors())
        .allSatisfy(c -> assertThat(Modifier.isPrivate(c.getModifiers())).as("%s must be private", c).isTrue());
  }

  /**
   * The one exception: mail to Tact's own staff (invitations, reset links) is not a contact, so no policy decides it.
   * It is made sendable only with a staff-mail permit, which only exists for an agent's own address, and only the
   * staff mail listener makes and uses one.
   */
  @Test
  void shouldQueueStaffMailOnlyWithAStaffMailPermitMadeForAnAgentsOwnAddress() throws ClassNotFoundException {
    Class<?> store = Class.forName("dev.tact.delivery.OutboxStore");
    Class<?> permit = Class.forName("dev.tact.delivery.StaffMailPermit");
    Method staffMail = Arrays.stream(store.getDeclaredMethods()).filter(m -> m.getName().equals("queueStaffMail"))
        .findFirst().orElseThrow();
    assertThat(staffMail.getParameterTypes()).contains(permit).doesNotContain(ContactPermit.class);
    assertThat(permit.getDeclaredConstructors())
        .allSatisfy(c -> assertThat(Modifier.isPrivate(c.getModifiers())).as("%s must be private", c).isTrue());
    assertThat(Modifier.isPublic(permit.getModifiers())).as("the permit is delivery's own").isFalse();

    List<String> callers = TACT.stream().flatMap(c -> c.getMethods().stream())
        .filter(m -> calls(m, "dev.tact.delivery.OutboxStore", "queueStaffMail"))
        .map(m -> m.getOwner().getName()).distinct().toList();
    assertThat(callers).containsExactly("dev.tact.delivery.StaffMailEnqueuer");
    List<String> permitMakers = TACT.stream().flatMap(c -> c.getMethods().stream())
        .filter(m -> calls(m, "dev.tact.delivery.StaffMailPermit", "forStaff"))
        .map(m -> m.getOwner().getName()).distinct().toList();
    assertThat(permitMakers).containsExactly("dev.tact.delivery.StaffMailEnqueuer");
    com.tngtech.archunit.core.domain.JavaMethod forStaff = TACT.get("dev.tact.delivery.StaffMailPermit")
        .getMethods().stream().filter(m -> m.getName().equals("forStaff")).findFirst().orElseThrow();
    assertThat(calls(forStaff, "dev.tact.staff.StaffDirectory", "agent"))
        .as("the permit checks the recipient against the staff directory").isTrue();
  }

  @Test
  void shouldLetDeliveryQueueOnlyWhatThePolicyPermittedAndRecordTheAttempt() {
    List<com.tngtech.archunit.core.domain.JavaMethod> queueing = TACT.stream()
        .filter(c -> c.getPackageName().startsWith("dev.tact.delivery"))
        .flatMap(c -> c.getMethods().stream())
        .filter(m -> calls(m, "dev.tact.delivery.OutboxStore", "queue")
            || calls(m, "dev.tact.delivery.OutboxStore", "requeue")
            || calls(m, "dev.tact.delivery.OutboxStore", "queued"))
        .toList();

    assertThat(queueing).as("the places that make outbox rows sendable").isNotEmpty()
        .allSatisfy(m -> assertThat(calls(m, ContactPolicyService.class.getName(), "permit")
            && calls(m, ContactHistory.class.getName(), "record")
            || calls(m, ContactPolicyService.class.getName(), "permits")
            && calls(m, ContactHistory.class.getName(), "recordAll"))
            .as("%s takes a permit from the policy and records the attempt with it", m.getFullName()).isTrue());
  }

  private static boolean calls(com.tngtech.archunit.core.domain.JavaMethod method, String owner, String name) {
    return method.getMethodCallsFromSelf().stream()
        .anyMatch(call -> call.getTargetOwner().getName().equals(owner) && call.getName().equals(name));
  }
}
