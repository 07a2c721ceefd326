package dev.tact.webform.web;

import dev.tact.webform.WebForm;

/** The Content-Security-Policy of the public form pages: only Tact's own script and style, framed as the form says. */
final class FormPolicies {

  private FormPolicies() {}

  static String of(WebForm form, boolean embed) {
    return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors "
        + (embed && form != null ? form.frameAncestorsDirective() : "'none'");
  }
}
