package dev.tact.policy;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import dev.tact.shared.Channel;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The contact policy's words for {@link Channel}s. The policy had an enum of its own once and spelled a phone call
 * {@code PHONE_CALL}: its tables (consents, decisions, contact history, opt-out reviews), its API, saved settings,
 * {@code tact.policy.*} and the outbox rows it was asked about keep that spelling, so {@link #name} writes it and
 * {@link #find} reads it (and {@code PHONE}, {@code CALL}); every other channel is spelled as its name.
 */
public final class PolicyChannels {

  /** The ways out the policy decides on, least intrusive first; a web form is answered by email ({@link #answering}). */
  public static final List<Channel> ALL = List.of(Channel.SOCIAL, Channel.CHAT, Channel.EMAIL, Channel.SMS,
      Channel.PHONE);

  /** A channel as the policy's forms offer it: {@code name} is the value sent back ({@code PHONE_CALL}). */
  public record Option(Channel channel, String name) {}

  private PolicyChannels() {}

  /** {@link #ALL} as the forms offer them. */
  public static List<Option> options() {
    return ALL.stream().map(c -> new Option(c, name(c))).toList();
  }

  public static String name(Channel channel) {
    return channel == null ? null : channel == Channel.PHONE ? "PHONE_CALL" : channel.name();
  }

  /** As a page shows it: "phone call", "email". */
  public static String words(Channel channel) {
    return name(channel).toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** One of {@link #ALL} by any spelling the policy ever took (case, '-' or ' ' for '_'); empty when none. */
  public static Optional<Channel> find(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String normal = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    if (normal.equals("PHONE_CALL") || normal.equals("PHONE") || normal.equals("CALL")) {
      return Optional.of(Channel.PHONE);
    }
    return ALL.stream().filter(c -> c.name().equals(normal)).findFirst();
  }

  /** A stored value (null stays null); a value no code ever wrote is an error, not a guess. */
  public static Channel stored(String value) {
    return value == null ? null : find(value).orElseThrow(() -> new IllegalArgumentException(
        "not a channel of the contact policy: " + value));
  }

  /** The lower-case names of {@link #ALL}, for messages: "social, chat, email, sms, phone_call". */
  public static String known() {
    return ALL.stream().map(c -> name(c).toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }

  /** The channel the policy is asked about when answering someone on {@code came}: a web form is answered by email. */
  public static Channel answering(Channel came) {
    return came == Channel.WEB ? Channel.EMAIL : came;
  }

  /** On a record component: JSON carries the channel as the policy spells it ({@code "PHONE_CALL"}). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
  @JacksonAnnotationsInside
  @JsonSerialize(using = Json.class)
  @JsonDeserialize(using = FromJson.class)
  public @interface Spelled {}

  /** Writes a channel in JSON as the policy spells it. */
  public static final class Json extends ValueSerializer<Channel> {
    @Override
    public void serialize(Channel value, JsonGenerator gen, SerializationContext context) {
      gen.writeString(name(value));
    }
  }

  /** Reads a channel from JSON in any of the policy's spellings. */
  public static final class FromJson extends ValueDeserializer<Channel> {
    @Override
    public Channel deserialize(JsonParser parser, DeserializationContext context) {
      return stored(parser.getString());
    }
  }
}
