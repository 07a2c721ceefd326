package dev.tact.tone.web;

import dev.tact.shared.web.ApiController;
import dev.tact.tone.ToneCheck;
import dev.tact.tone.ToneReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The tone check over the API: a draft in, its findings out. Nothing is stored. */
@ApiController
@Tag(name = "Tone check")
class ToneApiController {

  /** The draft to check. */
  record Draft(String text) {}

  private final ToneCheck tone;

  ToneApiController(ToneCheck tone) {
    this.tone = tone;
  }

  @PostMapping("/api/v1/tone/check")
  @Operation(summary = "Check a draft's tone", description = "Hostile, sarcastic, dismissive, condescending, blaming "
      + "or shouted phrases with a suggestion each (start/end index the text); flagged when they weigh 1 or more. "
      + "Texts over " + ToneCheck.MAX_CHARS + " characters are refused.")
  ToneReport check(@RequestBody(required = false) Draft draft) {
    return tone.check(ToneText.required(draft == null ? null : draft.text()));
  }
}
