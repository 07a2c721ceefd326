package dev.tact.delivery;

import dev.tact.conversation.Channel;
import java.time.Duration;
import java.util.UUID;

/**
 * A {@link ChannelProvider} that sends its channel's outbox rows itself (an SMS provider's REST API, a chat's live
 * connection) instead of the signed webhook of {@code tact.delivery.adapters.<channel>}. The dispatcher calls it
 * outside any transaction, for a row it holds under a lease; a node that dies mid-send makes the row due again, so the
 * same {@link Text#idempotencyKey()} may come twice: pass it on where the provider takes one (Twilio does not, so a
 * crash between its answer and the commit can repeat one text, as for mail).
 */
public interface ChannelSender extends ChannelProvider {

  /** Sends one text; must not throw for a refusal (answer {@link Result#failed}). */
  Result send(Text text);

  /**
   * One outbound text.
   *
   * @param to the recipient on the channel (an E.164 number, a {@code network:handle}, {@code chat:<conversation>})
   * @param inReplyTo the channel's id of the customer's message it answers, or null
   * @param idempotencyKey the same on every attempt of this row (the reply's Message-ID)
   */
  record Text(Channel channel, String to, String body, String inReplyTo, UUID conversationId, long conversationNumber,
      String idempotencyKey) {}

  /**
   * What one attempt came to.
   *
   * @param retryAfter for a retryable failure, the wait the provider asked for (null: the outbox's back-off)
   */
  record Result(boolean sent, boolean retryable, Duration retryAfter, String detail, int status) {

    public static Result sent(int status) {
      return new Result(true, false, null, null, status);
    }

    public static Result failed(boolean retryable, Duration retryAfter, String detail, int status) {
      return new Result(false, retryable, retryAfter, detail, status);
    }
  }
}
