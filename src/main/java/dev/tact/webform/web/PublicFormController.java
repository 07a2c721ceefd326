package dev.tact.webform.web;

import dev.tact.intake.Upload;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ProblemDetails;
import dev.tact.webform.FormInput;
import dev.tact.webform.FormReceipt;
import dev.tact.webform.FormSubmissions;
import dev.tact.webform.FormTicket;
import dev.tact.webform.WebForm;
import dev.tact.webform.WebForms;
import dev.tact.webform.WebformProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public form pages: {@code /forms/{slug}} to link to, {@code /forms/{slug}/embed} for an {@code <iframe>}, and
 * the same addresses as a JSON endpoint ({@code GET …/challenge} for a ticket, then {@code POST} with
 * {@code Accept: application/json}) for a site that posts without the page. A refused form is shown again with what
 * the customer wrote and a readable reason; JSON clients get Problem Details.
 */
@Controller
class PublicFormController {

  /** A form as JSON: the same names as the page's fields; {@code fields} holds the extra fields by key. */
  record JsonForm(String name, String email, String phone, String subject, String message, Map<String, String> fields,
      String ticket, String nonce, String website) {}

  /** What a JSON client needs to send a form: a ticket, the work it asks, and the form's extra fields. */
  record Challenge(String ticket, String challenge, int bits, long minSecondsToSubmit, long expiresInSeconds,
      String title, List<dev.tact.webform.FormField> fields, long maxFileBytes, int maxFiles) {}

  /** A form received: it becomes a conversation shortly (the inbound log holds it now). */
  record Received(String status, String itemId, String messageId, boolean repeated, boolean confirmationByEmail) {}

  private final WebForms forms;
  private final FormSubmissions submissions;
  private final WebformProperties properties;

  PublicFormController(WebForms forms, FormSubmissions submissions, WebformProperties properties) {
    this.forms = forms;
    this.submissions = submissions;
    this.properties = properties;
  }

  @GetMapping("/forms/{slug}")
  ModelAndView page(@PathVariable String slug, HttpServletResponse response) {
    return formPage(slug, false, Map.of(), null, HttpStatus.OK, response);
  }

  @GetMapping("/forms/{slug}/embed")
  ModelAndView embed(@PathVariable String slug, HttpServletResponse response) {
    return formPage(slug, true, Map.of(), null, HttpStatus.OK, response);
  }

  @GetMapping(path = "/forms/{slug}/challenge", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<?> challenge(@PathVariable String slug) {
    try {
      WebForm form = forms.requireEnabled(slug);
      FormTicket ticket = submissions.ticket(slug);
      return ResponseEntity.ok().header("Cache-Control", "no-store").body(new Challenge(ticket.token(),
          ticket.challenge(), ticket.bits(), properties.minTimeToSubmit().toSeconds(),
          properties.ticketLifetime().toSeconds(), form.title(), form.fields(), form.maxFileBytes(), form.maxFiles()));
    } catch (ProblemException e) {
      return problem(e);
    }
  }

  @GetMapping({"/forms/{slug}/sent", "/forms/{slug}/embed/sent"})
  ModelAndView sent(@PathVariable String slug, @RequestParam(required = false) String by,
      HttpServletRequest request, HttpServletResponse response) {
    boolean embed = request.getRequestURI().contains("/embed/");
    WebForm form = forms.find(slug).filter(WebForm::enabled).orElse(null);
    response.setHeader("Content-Security-Policy", FormPolicies.of(form, embed));
    ModelAndView view = new ModelAndView("webform/sent");
    view.addObject("form", form);
    view.addObject("embed", embed);
    view.addObject("byEmail", !"phone".equals(by));
    view.addObject("again", "/forms/" + slug + (embed ? "/embed" : ""));
    return view;
  }

  /** The page's own post (multipart or URL-encoded): on success to the confirmation page, else the form again. */
  @PostMapping(path = {"/forms/{slug}", "/forms/{slug}/embed"},
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE},
      produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView send(@PathVariable String slug, @RequestParam MultiValueMap<String, String> params,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request,
      HttpServletResponse response) {
    boolean embed = request.getRequestURI().endsWith("/embed") || request.getRequestURI().endsWith("/embed/");
    Map<String, String> values = new HashMap<>(params.toSingleValueMap());
    try {
      FormReceipt receipt = submissions.submit(slug, input(values), uploads(files));
      // the page says where the answer goes without repeating what was typed: a link must not make it say anything
      String to = "/forms/" + slug + (embed ? "/embed" : "") + "/sent?by=" + (receipt.emailGiven() ? "email" : "phone");
      return new ModelAndView("redirect:" + to);
    } catch (ProblemException e) {
      values.remove("ticket");
      values.remove("nonce");
      return formPage(slug, embed, values, e, HttpStatus.valueOf(e.status()), response);
    }
  }

  /** A site's own post as JSON. */
  @PostMapping(path = {"/forms/{slug}", "/forms/{slug}/embed"}, consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<?> sendJson(@PathVariable String slug, @RequestBody JsonForm body) {
    if (body == null) {
      return problem(ProblemException.invalid("malformed-request", "Send the form as a JSON object."));
    }
    return answer(slug, new FormInput(body.name(), body.email(), body.phone(), body.subject(), body.message(),
        body.fields(), body.ticket(), body.nonce(), body.website()), List.of());
  }

  /** A site's own post as a multipart or URL-encoded form (with files), answered as JSON. */
  @PostMapping(path = {"/forms/{slug}", "/forms/{slug}/embed"},
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE},
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<?> sendFormAsJson(@PathVariable String slug, @RequestParam MultiValueMap<String, String> params,
      @RequestParam(name = "files", required = false) List<MultipartFile> files) {
    return answer(slug, input(params.toSingleValueMap()), uploads(files));
  }

  private ResponseEntity<?> answer(String slug, FormInput input, List<Upload> files) {
    try {
      FormReceipt receipt = submissions.submit(slug, input, files);
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Received("received", receipt.itemId().toString(),
          receipt.messageId().toString(), receipt.repeated(), receipt.emailGiven()));
    } catch (ProblemException e) {
      return problem(e);
    }
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemException e) {
    return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetails.of(e.status(), e.code(), e.title(), e.getMessage()));
  }

  private ModelAndView formPage(String slug, boolean embed, Map<String, String> values, ProblemException error,
      HttpStatus status, HttpServletResponse response) {
    WebForm form = forms.find(slug).filter(WebForm::enabled).orElse(null);
    response.setHeader("Content-Security-Policy", FormPolicies.of(form, embed));
    response.setHeader("Cache-Control", "no-store");
    if (form == null) {
      ModelAndView missing = new ModelAndView("webform/missing");
      missing.setStatus(HttpStatus.NOT_FOUND);
      return missing;
    }
    ModelAndView view = new ModelAndView("webform/form");
    view.setStatus(status);
    view.addObject("form", form);
    view.addObject("ticket", submissions.ticket(slug));
    view.addObject("minSeconds", properties.minTimeToSubmit().toMillis() / 1000.0);
    view.addObject("values", values);
    view.addObject("error", error == null ? null : error.getMessage());
    view.addObject("embed", embed);
    view.addObject("action", "/forms/" + form.slug() + (embed ? "/embed" : ""));
    return view;
  }

  private static FormInput input(Map<String, String> values) {
    Map<String, String> extra = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith("field_")) {
        extra.put(k.substring("field_".length()), v);
      }
    });
    return new FormInput(values.get("name"), values.get("email"), values.get("phone"), values.get("subject"),
        values.get("message"), extra, values.get("ticket"), values.get("nonce"), values.get("website"));
  }

  private static List<Upload> uploads(List<MultipartFile> parts) {
    if (parts == null) {
      return List.of();
    }
    List<Upload> files = new ArrayList<>();
    for (MultipartFile file : parts) {
      if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
        continue; // the file input, left empty
      }
      try {
        files.add(new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
