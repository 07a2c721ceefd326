package dev.tact.portal.web;

import dev.tact.contact.Identity;
import dev.tact.portal.CustomerPortal;
import dev.tact.portal.LinkAnswer;
import dev.tact.portal.LinkState;
import dev.tact.portal.PortalSignIn;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Signing in to the portal without a password: ask for a link (the answer never tells whether the address is known),
 * open it (a page with a button: mail scanners that follow links must not burn it), and sign out.
 */
@UiController
class PortalSignInController extends PortalPages {

  private final CustomerPortal portal;
  private final PortalSessionCookie sessions;
  private final PortalLimits limits;

  PortalSignInController(CustomerPortal portal, PortalSessionCookie sessions, PortalLimits limits) {
    this.portal = portal;
    this.sessions = sessions;
    this.limits = limits;
  }

  @GetMapping("/portal")
  ModelAndView ask(HttpServletRequest request, @RequestParam(name = "signed-out", required = false) String signedOut,
      @RequestParam(name = "expired", required = false) String expired) {
    if (sessions.customer(request).isPresent()) {
      return new ModelAndView("redirect:/portal/conversations");
    }
    return askPage(HttpStatus.OK, "", null).addObject("signedOut", signedOut != null)
        .addObject("expired", expired != null);
  }

  private ModelAndView askPage(HttpStatus status, String address, String problem) {
    ModelAndView view = new ModelAndView("portal/ask");
    view.setStatus(status);
    view.addObject("address", address);
    view.addObject("problem", problem);
    view.addObject("canText", portal.canText());
    return view;
  }

  @PostMapping("/portal/link")
  ModelAndView requestLink(@RequestParam(defaultValue = "") String address, HttpServletRequest request,
      HttpServletResponse response) {
    long wait = limits.client(request);
    if (wait > 0) {
      return tooMany(response, wait);
    }
    Identity identity;
    try {
      identity = portal.identityOf(address);
    } catch (ProblemException e) {
      return askPage(HttpStatus.UNPROCESSABLE_ENTITY, address, e.getMessage());
    }
    wait = limits.identity(identity.kind() + ":" + identity.value());
    if (wait > 0) {
      return tooMany(response, wait);
    }
    LinkAnswer answer = portal.requestLink(identity);
    return new ModelAndView("portal/sent").addObject("answer", answer.name()).addObject("address", identity.raw());
  }

  @GetMapping("/portal/link/{secret}")
  ModelAndView open(@PathVariable String secret, HttpServletRequest request, HttpServletResponse response) {
    long wait = limits.client(request);
    if (wait > 0) {
      return tooMany(response, wait);
    }
    LinkState state = portal.check(secret);
    if (state != LinkState.VALID) {
      return refused(state);
    }
    return new ModelAndView("portal/link").addObject("secret", secret);
  }

  @PostMapping("/portal/link/{secret}")
  ModelAndView signIn(@PathVariable String secret, HttpServletRequest request, HttpServletResponse response) {
    long wait = limits.client(request);
    if (wait > 0) {
      return tooMany(response, wait);
    }
    Optional<PortalSignIn> signedIn = portal.signIn(secret);
    if (signedIn.isEmpty()) {
      return refused(portal.check(secret));
    }
    sessions.set(request, response, signedIn.get().sessionToken(), signedIn.get().expiresAt());
    return new ModelAndView("redirect:/portal/conversations");
  }

  private static ModelAndView refused(LinkState state) {
    String detail = switch (state) {
      case USED -> "This link was used already; each link works once.";
      case EXPIRED -> "This link has expired.";
      default -> "This link is not valid: it may be incomplete, or was changed.";
    };
    ModelAndView view = new ModelAndView("portal/link-refused");
    view.setStatus(state == LinkState.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
    view.addObject("detail", detail);
    return view;
  }

  @PostMapping("/portal/sign-out")
  String signOut(HttpServletRequest request, HttpServletResponse response) {
    sessions.secret(request).ifPresent(portal::signOut);
    sessions.clear(request, response);
    return "redirect:/portal?signed-out";
  }
}
