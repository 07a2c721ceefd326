package dev.tact.chat.web;

import dev.tact.chat.ChatLine;
import dev.tact.chat.ChatSession;
import dev.tact.chat.ChatStreams;
import dev.tact.chat.Chats;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ProblemDetails;
import dev.tact.shared.web.UiController;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffPrincipals;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Agents' chat pages: the waiting chats (live), accepting one, and chatting with the customer's history beside it. */
@UiController
class AgentChatController {

  /** A waiting chat as the list shows it. */
  record Waiting(ChatSession chat, String text) {}

  private final Chats chats;
  private final ChatStreams streams;
  private final ConversationManagement conversations;
  private final StaffPrincipals principals;

  AgentChatController(Chats chats, ChatStreams streams, ConversationManagement conversations,
      StaffPrincipals principals) {
    this.chats = chats;
    this.streams = streams;
    this.conversations = conversations;
    this.principals = principals;
  }

  @GetMapping("/chats")
  String list(Authentication auth, Model model) {
    Agent agent = principals.requireAgent(auth);
    List<ChatSession> waiting = chats.waiting();
    Map<UUID, String> first = chats.firstLines(waiting.stream().map(ChatSession::id).toList());
    model.addAttribute("waiting", waiting.stream().map(c -> new Waiting(c, first.getOrDefault(c.id(), ""))).toList());
    model.addAttribute("mine", chats.activeOf(agent.id()));
    model.addAttribute("availability", chats.availability());
    model.addAttribute("enabled", chats.enabled());
    return "chat/list";
  }

  @GetMapping(path = "/chats/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter waitingEvents() {
    return streams.waitingList();
  }

  @PostMapping("/chats/{id}/accept")
  String accept(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    Agent agent = principals.requireAgent(auth);
    try {
      chats.accept(id, agent);
      return "redirect:/chats/" + id;
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
      return "redirect:/chats";
    }
  }

  @GetMapping("/chats/{id}")
  String chat(@PathVariable UUID id, Authentication auth, Model model) {
    Agent agent = principals.requireAgent(auth);
    ChatSession chat = chats.require(id);
    List<ChatLine> lines = chats.lines(id, 0);
    ConversationSummary conversation = chat.conversationId() == null ? null
        : conversations.findByReference(chat.conversationId().toString()).orElse(null);
    List<ConversationSummary> history = conversation == null || conversation.contactId() == null ? List.of()
        : conversations.ofContact(conversation.contactId()).stream().filter(c -> !c.id().equals(conversation.id()))
            .toList();
    model.addAttribute("chat", chat);
    model.addAttribute("lines", lines);
    model.addAttribute("lastSeq", lines.isEmpty() ? 0 : lines.getLast().seq());
    model.addAttribute("conversation", conversation);
    model.addAttribute("history", history);
    model.addAttribute("mine", agent.id().equals(chat.agentId()) && chat.state() == ChatSession.State.ACTIVE);
    return "chat/chat";
  }

  @GetMapping(path = "/chats/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter chatEvents(@PathVariable UUID id, @RequestParam(defaultValue = "0") long after,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Authentication auth) {
    Agent agent = principals.requireAgent(auth);
    chats.require(id);
    return streams.agent(id, VisitorChatController.lastSeq(lastEventId, after), agent.displayName());
  }

  @PostMapping("/chats/{id}/lines")
  @ResponseBody
  ResponseEntity<?> say(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, Authentication auth) {
    try {
      ChatLine line = chats.agentSays(id, principals.requireAgent(auth), text);
      return ResponseEntity.status(201).body(Map.of("seq", line.seq()));
    } catch (ProblemException e) {
      return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(ProblemDetails.of(e.status(), e.code(), e.title(), e.getMessage()));
    }
  }

  @PostMapping("/chats/{id}/typing")
  @ResponseBody
  ResponseEntity<Void> typing(@PathVariable UUID id, Authentication auth) {
    chats.agentTyping(id, principals.requireAgent(auth));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/chats/{id}/end")
  String end(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    try {
      chats.agentEnds(id, principals.requireAgent(auth));
      redirect.addFlashAttribute("notice", "The chat has ended; the conversation goes on by email.");
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/chats";
  }
}
