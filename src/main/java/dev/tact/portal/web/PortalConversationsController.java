package dev.tact.portal.web;

import dev.tact.portal.CustomerConversation;
import dev.tact.portal.CustomerPortal;
import dev.tact.portal.PortalCustomer;
import dev.tact.conversation.Status;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A signed-in customer's conversations: the list, one conversation (messages between them and us, never a note), a
 * reply (handed to intake), and closing one. Without a portal session every page leads to the sign-in page; a
 * conversation of someone else is a 404, the same as one that does not exist.
 */
@UiController
class PortalConversationsController extends PortalPages {

  private static final String SIGN_IN = "redirect:/portal?expired";

  private final CustomerPortal portal;
  private final PortalSessionCookie sessions;
  private final PortalLimits limits;

  PortalConversationsController(CustomerPortal portal, PortalSessionCookie sessions, PortalLimits limits) {
    this.portal = portal;
    this.sessions = sessions;
    this.limits = limits;
  }

  @GetMapping("/portal/conversations")
  ModelAndView list(HttpServletRequest request) {
    Optional<PortalCustomer> customer = sessions.customer(request);
    if (customer.isEmpty()) {
      return new ModelAndView(SIGN_IN);
    }
    return new ModelAndView("portal/conversations").addObject("customer", customer.get())
        .addObject("conversations", portal.conversations(customer.get()));
  }

  @GetMapping("/portal/conversations/{reference}")
  ModelAndView show(@PathVariable String reference, HttpServletRequest request,
      @RequestParam(name = "replied", required = false) String replied,
      @RequestParam(name = "closed", required = false) String closed) {
    Optional<PortalCustomer> customer = sessions.customer(request);
    if (customer.isEmpty()) {
      return new ModelAndView(SIGN_IN);
    }
    return portal.conversation(customer.get(), reference)
        .map(c -> page(HttpStatus.OK, customer.get(), c, "", null)
            .addObject("replied", replied != null).addObject("closedNow", closed != null))
        .orElseGet(PortalPages::notFound);
  }

  private ModelAndView page(HttpStatus status, PortalCustomer customer, CustomerConversation conversation,
      String draft, String problem) {
    ModelAndView view = new ModelAndView("portal/conversation");
    view.setStatus(status);
    view.addObject("customer", customer);
    view.addObject("c", conversation.conversation());
    view.addObject("messages", conversation.messages());
    view.addObject("closed", conversation.conversation().status() == Status.CLOSED);
    view.addObject("replyKey", UUID.randomUUID().toString());
    view.addObject("draft", draft);
    view.addObject("problem", problem);
    view.addObject("maxReply", CustomerPortal.MAX_REPLY);
    return view;
  }

  @PostMapping("/portal/conversations/{reference}/reply")
  ModelAndView reply(@PathVariable String reference, @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String replyKey, HttpServletRequest request, HttpServletResponse response) {
    Optional<PortalCustomer> customer = sessions.customer(request);
    if (customer.isEmpty()) {
      return new ModelAndView(SIGN_IN);
    }
    Optional<CustomerConversation> conversation = portal.conversation(customer.get(), reference);
    if (conversation.isEmpty()) {
      return notFound();
    }
    long wait = limits.replies(customer.get().contactId());
    if (wait > 0) {
      return tooMany(response, wait);
    }
    try {
      portal.reply(customer.get(), reference, text, replyKey);
    } catch (ProblemException e) {
      return page(HttpStatus.valueOf(e.status()), customer.get(), conversation.get(), text, e.getMessage());
    }
    return new ModelAndView("redirect:/portal/conversations/" + conversation.get().conversation().number()
        + "?replied");
  }

  @PostMapping("/portal/conversations/{reference}/close")
  ModelAndView close(@PathVariable String reference, HttpServletRequest request) {
    Optional<PortalCustomer> customer = sessions.customer(request);
    if (customer.isEmpty()) {
      return new ModelAndView(SIGN_IN);
    }
    Optional<CustomerConversation> conversation = portal.conversation(customer.get(), reference);
    if (conversation.isEmpty()) {
      return notFound();
    }
    portal.close(customer.get(), reference);
    return new ModelAndView("redirect:/portal/conversations/" + conversation.get().conversation().number()
        + "?closed");
  }
}
