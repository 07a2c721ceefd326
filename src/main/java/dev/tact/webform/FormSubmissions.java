package dev.tact.webform;

import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.contact.IdentityParser;
import dev.tact.intake.Acknowledgement;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.intake.Upload;
import dev.tact.shared.Channel;
import dev.tact.shared.ControlCharacters;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Turns a sent form into a {@code web} message on intake's one road: every check first (spam, the form's own rules,
 * the ticket's single use), then {@link MessageIntake#submit(MessageSubmission, List)}, which answers once the
 * message and its files are committed to the inbound log. A refused form stores nothing.
 */
@Service
public class FormSubmissions {

  static final int MAX_NAME = 200;
  static final int MAX_SUBJECT = 200;
  static final int MAX_MESSAGE = 20_000;

  private final WebForms forms;
  private final MessageIntake intake;
  private final IdentityParser identities;
  private final UsedTickets used;
  private final WebformKey key;
  private final WebformProperties properties;
  private final dev.tact.staff.StaffDirectory staff;
  private final Clock clock;

  FormSubmissions(WebForms forms, MessageIntake intake, IdentityParser identities, UsedTickets used, WebformKey key,
      WebformProperties properties, dev.tact.staff.StaffDirectory staff, Clock clock) {
    this.staff = staff;
    this.forms = forms;
    this.intake = intake;
    this.identities = identities;
    this.used = used;
    this.key = key;
    this.properties = properties;
    this.clock = clock;
  }

  /** A fresh ticket for a page of this enabled form (404 for none). */
  public FormTicket ticket(String slug) {
    WebForm form = forms.requireEnabled(slug);
    return codec().issue(form.slug(), clock.instant(), properties.proofOfWorkBits());
  }

  /**
   * Checks and submits a sent form. Refusals are Problem Details with a customer-readable detail: 422 for spam checks
   * and bad input, 413 for a file over the form's limit, 409 for a ticket used before, 404 for no such form.
   */
  public FormReceipt submit(String slug, FormInput input, List<Upload> files) {
    WebForm form = forms.requireEnabled(slug);
    Instant now = clock.instant();
    FormTicket ticket = new SpamChecks(codec(), properties.minTimeToSubmit(), properties.ticketLifetime())
        .check(form.slug(), input.ticket(), input.nonce(), input.website(), now);
    List<Upload> uploads = files(form, files);
    MessageSubmission submission = submission(form, input, ticket);
    if (!used.use(ticket.id(), ticket.issuedAt().plus(properties.ticketLifetime()))) {
      throw ProblemException.conflict("form-already-sent", "This form was already sent. To write another message, "
          + "reload the page.");
    }
    Acknowledgement ack;
    try {
      ack = intake.submit(submission, uploads);
    } catch (RuntimeException e) {
      used.forget(ticket.id()); // refused or not committed: the customer may send the same page again
      throw e;
    }
    if (Math.floorMod(ticket.id().hashCode(), 50) == 0) {
      used.forgetExpired(now);
    }
    return new FormReceipt(form.slug(), ack.itemId(), ack.messageId(), ack.redelivery(),
        identities.parse(submission.sender()).kind() == IdentityKind.EMAIL);
  }

  private MessageSubmission submission(WebForm form, FormInput in, FormTicket ticket) {
    String name = text("Your name", in.name(), MAX_NAME, false, true);
    String email = text("Email", in.email(), 320, false, true);
    String phone = text("Phone", in.phone(), 40, false, true);
    String subject = text("Subject", in.subject(), MAX_SUBJECT, false, true);
    String message = text("Message", in.message(), MAX_MESSAGE, true, false);
    if (email == null && phone == null) {
      throw ProblemException.invalid("missing-address", "Give an email address or a phone number, so that we can "
          + "answer you.");
    }
    Identity sender = null;
    if (email != null) {
      sender = parse(email, "email address");
      if (sender.kind() != IdentityKind.EMAIL) {
        throw ProblemException.invalid("invalid-email", "'" + email + "' is not an email address.");
      }
    }
    List<MessageSubmission.Field> fields = new ArrayList<>();
    if (phone != null) {
      Identity number = parse(phone, "phone number");
      if (number.kind() != IdentityKind.PHONE) {
        throw ProblemException.invalid("invalid-phone", "'" + phone + "' is not a phone number.");
      }
      if (sender == null) {
        sender = number;
      } else {
        fields.add(new MessageSubmission.Field("Phone", number.value()));
      }
    }
    for (FormField field : form.fields()) {
      String value = text(field.label(), in.extra().get(field.key()), field.maxLength(), field.required(), false);
      if (value != null) {
        fields.add(new MessageSubmission.Field(field.label(), value));
      }
    }
    // a team deleted since the form was set up is no reason to refuse a customer: the message goes to routing
    java.util.UUID team = form.teamId() != null && staff.team(form.teamId()).isPresent() ? form.teamId() : null;
    return new MessageSubmission(Channel.WEB.id(), sender.value(), name, null, null,
        subject == null ? form.title() : subject, message, "webform:" + ticket.id(), null, null, fields, team);
  }

  private Identity parse(String value, String what) {
    try {
      return identities.parse(value);
    } catch (ProblemException e) {
      throw ProblemException.invalid("invalid-address", "'" + value + "' is not a valid " + what + ".");
    }
  }

  private static List<Upload> files(WebForm form, List<Upload> files) {
    List<Upload> kept = files == null ? List.of()
        : files.stream().filter(f -> f.content().length > 0 || (f.filename() != null && !f.filename().isBlank()))
            .toList();
    if (kept.isEmpty()) {
      return List.of();
    }
    if (!form.acceptsFiles()) {
      throw ProblemException.invalid("no-files", "This form takes no attachments.");
    }
    if (kept.size() > form.maxFiles()) {
      throw ProblemException.invalid("too-many-files", "Attach at most " + form.maxFiles() + " files.");
    }
    for (Upload file : kept) {
      if (file.content().length > form.maxFileBytes()) {
        throw new ProblemException(413, "file-too-large", "File too large", "'" + (file.filename() == null
            ? "The file" : file.filename()) + "' has " + size(file.content().length) + "; this form takes files up to "
            + size(form.maxFileBytes()) + " each.");
      }
      if (file.content().length == 0) {
        throw ProblemException.invalid("empty-file", "'" + file.filename() + "' is empty.");
      }
    }
    return kept;
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  /** A field's value, stripped; null when blank and not required. */
  private static String text(String label, String value, int max, boolean required, boolean oneLine) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      if (required) {
        throw ProblemException.invalid("missing-field", "'" + label + "' is required.");
      }
      return null;
    }
    if (v.length() > max) {
      throw ProblemException.invalid("field-too-long", "'" + label + "' is longer than " + max + " characters.");
    }
    if (oneLine && ControlCharacters.firstIn(v) >= 0) {
      throw ProblemException.invalid("control-characters", "'" + label + "' is one line of text.");
    }
    return v;
  }

  private TicketCodec codec() {
    return new TicketCodec(key.bytes());
  }
}
