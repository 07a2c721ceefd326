package dev.tact.noise;

import dev.tact.conversation.EarlierCopies;
import dev.tact.conversation.EarlierCopy;
import dev.tact.conversation.InboundMessage;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells threading about messages noise control kept instead of filing: linked reports and held messages. */
@Component
class NoiseRedeliveries implements EarlierCopies {

  /** The message's earliest linked report and its earliest held copy, each when there is one, in one statement. */
  private static final String EARLIEST_KEPT = """
      (SELECT 'REPORT' AS kept, conversation_id, id AS report_id, CAST(NULL AS UUID) AS group_id,
         CAST(NULL AS UUID) AS item_id
       FROM noise_report WHERE channel = :channel AND external_id = :external ORDER BY received_at LIMIT 1)
      UNION ALL
      (SELECT 'HELD', NULL, NULL, group_id, item_id
       FROM noise_held_item WHERE channel = :channel AND external_id = :external ORDER BY received_at LIMIT 1)""";

  private record Kept(boolean report, UUID conversationId, UUID reportId, UUID groupId, UUID itemId) {}

  private final JdbcClient jdbc;
  private final NoiseProperties properties;

  NoiseRedeliveries(JdbcClient jdbc, NoiseProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Override
  public Optional<EarlierCopy> earlierCopyOf(InboundMessage in) {
    if (!properties.enabled() || in.externalMessageId() == null) {
      return Optional.empty();
    }
    Optional<EarlierCopy> report = Optional.empty();
    Optional<EarlierCopy> held = Optional.empty();
    for (Kept kept : jdbc.sql(EARLIEST_KEPT).param("channel", in.channel().name())
        .param("external", in.externalMessageId()).query(NoiseRedeliveries::kept).list()) {
      if (kept.report()) {
        report = Optional.of(new EarlierCopy(kept.conversationId(), kept.reportId(), null,
            "Redelivery of a message already reported."));
      } else if (!kept.itemId().equals(in.inboundItemId())) {
        // a held message released by an agent comes back as the same item: that is no redelivery
        held = Optional.of(new EarlierCopy(null, null, kept.groupId(), "Redelivery of a message already held."));
      }
    }
    return report.isPresent() ? report : held;
  }

  private static Kept kept(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Kept("REPORT".equals(rs.getString("kept")), rs.getObject("conversation_id", UUID.class),
        rs.getObject("report_id", UUID.class), rs.getObject("group_id", UUID.class),
        rs.getObject("item_id", UUID.class));
  }
}
