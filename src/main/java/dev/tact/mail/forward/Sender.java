package dev.tact.mail.forward;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An original sender read from a header value: `Name <a@b>`, `Name [mailto:a@b]`, `a@b`, `"Name" a@b`. */
record Sender(String address, String name) {

  private static final Pattern EMAIL = Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63})+");
  private static final Pattern NAME_END = Pattern.compile("[<\\[(]");

  static Sender parse(String value) {
    if (value == null || value.isBlank()) {
      return new Sender("", "");
    }
    Matcher email = EMAIL.matcher(value);
    String address = email.find() ? email.group() : "";
    Matcher nameEnd = NAME_END.matcher(value);
    String name = nameEnd.find() ? value.substring(0, nameEnd.start()) : (address.isEmpty() ? value : "");
    name = name.replace("\"", "").replace("'", "").replace("*", "").strip();
    if (name.endsWith(",")) {
      name = name.substring(0, name.length() - 1).strip();
    }
    if (name.equalsIgnoreCase(address) || name.contains("@")) {
      name = "";
    }
    return new Sender(address, name);
  }
}
