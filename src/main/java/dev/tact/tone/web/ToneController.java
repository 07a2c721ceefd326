package dev.tact.tone.web;

import dev.tact.shared.web.UiController;
import dev.tact.tone.ToneCheck;
import dev.tact.tone.ToneReport;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The reply box asks this as the agent types (debounced): JSON, with the page's session and CSRF token. */
@UiController
class ToneController {

  private final ToneCheck tone;

  ToneController(ToneCheck tone) {
    this.tone = tone;
  }

  @PostMapping("/tone/check")
  @ResponseBody
  ToneReport check(@RequestParam(required = false) String text) {
    return tone.check(ToneText.required(text));
  }
}
