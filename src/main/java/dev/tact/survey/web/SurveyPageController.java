package dev.tact.survey.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import dev.tact.survey.Survey;
import dev.tact.survey.SurveyScale;
import dev.tact.survey.Surveys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The survey page a customer opens from the link we sent (no login: the token is the permission). GET only shows
 * the question (mail scanners follow links); POST records the answer, which may be changed while the survey is open.
 * A bad or closed link shows a readable page and changes nothing; so does a client past its rate limit (429 with
 * Retry-After, {@link SurveyPageLimits}), before the token is even looked up.
 */
@UiController
@RequestMapping("/survey/{token}")
class SurveyPageController {

  private static final java.time.format.DateTimeFormatter UNTIL = java.time.format.DateTimeFormatter
      .ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

  private final Surveys surveys;
  private final Clock clock;
  private final SurveyPageLimits limits;

  SurveyPageController(Surveys surveys, Clock clock, SurveyPageLimits limits) {
    this.surveys = surveys;
    this.clock = clock;
    this.limits = limits;
  }

  @GetMapping
  ModelAndView show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
    long wait = limits.toOpen(request);
    if (wait > 0) {
      return tooMany(response, wait);
    }
    try {
      return page(HttpStatus.OK, surveys.byToken(token), token, null, null, null);
    } catch (ProblemException e) {
      return problem(e);
    }
  }

  @PostMapping
  ModelAndView answer(@PathVariable String token, @RequestParam(required = false) Integer score,
      @RequestParam(required = false) String comment, HttpServletRequest request, HttpServletResponse response) {
    long wait = limits.toAnswer(request);
    if (wait > 0) {
      return tooMany(response, wait);
    }
    Survey survey;
    try {
      survey = surveys.byToken(token);
    } catch (ProblemException e) {
      return problem(e);
    }
    try {
      boolean changing = survey.answered();
      Survey answered = surveys.answer(token, score, comment);
      return page(HttpStatus.OK, answered, token, changing ? "Your answer was changed. Thank you."
          : "Thank you for your answer.", null, null);
    } catch (ProblemException e) {
      return page(HttpStatus.valueOf(e.status()), survey, token, null, e.getMessage(), comment);
    }
  }

  @PostMapping("/stop")
  ModelAndView stop(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
    long wait = limits.toAnswer(request);
    if (wait > 0) {
      return tooMany(response, wait);
    }
    try {
      Survey survey = surveys.stopAsking(token);
      return page(HttpStatus.OK, survey, token, "We will not ask you for a survey again.", null, null);
    } catch (ProblemException e) {
      return problem(e);
    }
  }

  private ModelAndView page(HttpStatus status, Survey survey, String token, String thanks, String error,
      String typedComment) {
    ModelAndView view = new ModelAndView("survey/answer");
    view.setStatus(status);
    view.addObject("survey", survey);
    view.addObject("token", token);
    view.addObject("open", survey.openAt(clock.instant()));
    view.addObject("choices", SurveyScale.choices(survey.scale()));
    view.addObject("openUntil", survey.openUntil() == null ? null : UNTIL.format(survey.openUntil()));
    view.addObject("thanks", thanks);
    view.addObject("error", error);
    view.addObject("comment", typedComment != null ? typedComment : survey.comment());
    return view;
  }

  private static ModelAndView tooMany(HttpServletResponse response, long wait) {
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
    ModelAndView view = new ModelAndView("survey/answer");
    view.setStatus(HttpStatus.TOO_MANY_REQUESTS);
    view.addObject("limited", true);
    view.addObject("title", "Please wait a moment");
    view.addObject("detail", "Too many requests from your address in a short time. Please wait " + wait
        + (wait == 1 ? " second" : " seconds") + " and open the link again; nothing was recorded.");
    return view;
  }

  private static ModelAndView problem(ProblemException e) {
    ModelAndView view = new ModelAndView("survey/answer");
    view.setStatus(HttpStatus.valueOf(e.status()));
    view.addObject("title", e.title());
    view.addObject("detail", e.getMessage());
    return view;
  }
}
