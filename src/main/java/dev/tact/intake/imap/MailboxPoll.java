package dev.tact.intake.imap;

import dev.tact.intake.IncomingMail;
import dev.tact.intake.Mailbox.AfterFetch;
import dev.tact.intake.Mailbox.Security;
import dev.tact.intake.MessageIntake;
import dev.tact.mail.TlsTrust;
import dev.tact.shared.ProblemException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one mailbox: fetch every message above the last committed UID, in UID order, commit
 * each to the inbound log, and only then flag it \Seen (or move it) and record its UID.
 *
 * <p>A crash between any two of those steps loses nothing and logs nothing twice: a message
 * committed but not yet flagged is fetched again by UID, recognised by its source id
 * ({@code imap:<mailbox>:<uidvalidity>:<uid>}) without downloading its body, and then flagged.
 */
final class MailboxPoll {

  private static final Logger log = LoggerFactory.getLogger(MailboxPoll.class);

  private final ImapAccount account;
  private final String password;
  private final ImapProperties settings;
  private final MessageIntake intake;
  private final PollStateStore state;
  private final String owner;
  private final Clock clock;
  private final int maxMailBytes;
  private int logged;

  MailboxPoll(ImapAccount account, String password, ImapProperties settings, MessageIntake intake,
      PollStateStore state, String owner, Clock clock, int maxMailBytes) {
    this.account = account;
    this.password = password;
    this.settings = settings;
    this.intake = intake;
    this.state = state;
    this.owner = owner;
    this.clock = clock;
    this.maxMailBytes = maxMailBytes;
  }

  PollResult run() {
    String protocol = account.security() == Security.IMAPS ? "imaps" : "imap";
    Session session = Session.getInstance(sessionProperties(protocol));
    try (IMAPStore store = (IMAPStore) session.getStore(protocol)) {
      store.connect(account.host(), account.port(), account.username(), password);
      IMAPFolder folder = (IMAPFolder) store.getFolder(account.folder());
      folder.open(Folder.READ_WRITE);
      try {
        return fetchNew(store, folder);
      } finally {
        closeQuietly(folder);
      }
    } catch (FolderNotFoundException e) {
      return failed("Folder '" + account.folder() + "' does not exist on " + account.host() + ".");
    } catch (MessagingException | IOException | RuntimeException e) {
      return failed(describe(e));
    }
  }

  private PollResult fetchNew(IMAPStore store, IMAPFolder folder) throws MessagingException, IOException {
    long validity = folder.getUIDValidity();
    long lastUid = account.lastUid();
    if (account.uidValidity() != null && account.uidValidity() != validity) {
      log.warn("Mailbox {}: folder {} has a new UIDVALIDITY ({} instead of {}); fetching it again from the start. "
          + "Messages already logged get new source ids; the pipeline keeps them single by Message-ID.",
          account.address(), account.folder(), validity, account.uidValidity());
      lastUid = 0;
    }
    if (!state.advance(account.id(), owner, validity, lastUid, leaseUntil())) {
      return new PollResult(logged, PollResult.Outcome.LEASE_LOST, null);
    }
    List<Message> pending = newerThan(folder, lastUid);
    Folder target = moveTarget(store);
    for (int from = 0; from < pending.size(); from += settings.batchSize()) {
      Message[] batch = pending.subList(from, Math.min(pending.size(), from + settings.batchSize()))
          .toArray(Message[]::new);
      FetchProfile sizes = new FetchProfile();
      sizes.add(FetchProfile.Item.SIZE);
      folder.fetch(batch, sizes);
      for (Message message : batch) {
        PollResult stop = take(store, folder, target, message, validity);
        if (stop != null) {
          return stop;
        }
      }
    }
    return new PollResult(logged, PollResult.Outcome.DONE, null);
  }

  /** Messages above the UID, in UID order ("n:*" always names the newest message, even below n). */
  private static List<Message> newerThan(IMAPFolder folder, long lastUid) throws MessagingException {
    Message[] found = folder.getMessagesByUID(lastUid + 1, UIDFolder.LASTUID);
    List<Message> newer = new ArrayList<>(found.length);
    for (Message m : found) {
      if (m != null && folder.getUID(m) > lastUid) {
        newer.add(m);
      }
    }
    newer.sort(Comparator.comparingLong(m -> uid(folder, m)));
    return newer;
  }

  /** Handles one message; returns a result when the poll must stop here. */
  private PollResult take(IMAPStore store, IMAPFolder folder, Folder target, Message message, long validity)
      throws MessagingException, IOException {
    long uid = folder.getUID(message);
    String sourceId = "imap:" + account.id() + ":" + validity + ":" + uid;
    boolean inLog;
    try {
      inLog = intake.mailAlreadyLogged(sourceId) || submit(message, uid, sourceId);
    } catch (IntakeBusy busy) {
      return new PollResult(logged, PollResult.Outcome.INTAKE_BUSY,
          "The inbound log is busy (" + busy.getMessage() + "); the rest is fetched on the next poll.");
    } catch (MessageRemovedException gone) {
      return null; // deleted on the server while we were fetching: nothing left to log
    }
    if (inLog) {
      afterFetch(store, folder, target, message);
    }
    if (!state.advance(account.id(), owner, validity, uid, leaseUntil())) {
      return new PollResult(logged, PollResult.Outcome.LEASE_LOST, null);
    }
    return null;
  }

  /** Commits the message to the log; false when it was left on the server (and recorded as skipped). */
  private boolean submit(Message message, long uid, String sourceId) throws MessagingException, IOException {
    int announced = message.getSize();
    if (announced > maxMailBytes) {
      return skip(uid, announced + " bytes is more than tact.intake.max-mail-bytes (" + maxMailBytes + ")");
    }
    CappedBuffer buffer = new CappedBuffer(maxMailBytes, announced);
    try {
      message.writeTo(buffer); // BODY.PEEK[]: mail.imap.peek keeps \Seen unset until the commit
    } catch (CappedBuffer.TooLargeException e) {
      return skip(uid, "more than tact.intake.max-mail-bytes (" + maxMailBytes + ") bytes");
    }
    try {
      intake.submitMail(new IncomingMail(buffer.toByteArray(), "imap", account.id(), null, List.of(), sourceId));
      logged++;
      return true;
    } catch (ProblemException e) {
      if (e.status() == 429 || e.status() == 503) {
        throw new IntakeBusy(e.getMessage());
      }
      return skip(uid, e.getMessage());
    }
  }

  private boolean skip(long uid, String why) {
    String note = "UID " + uid + " in " + account.folder() + " was left unread on the server: " + why + ".";
    log.warn("Mailbox {}: {}", account.address(), note);
    state.recordSkipped(account.id(), owner, note);
    return false;
  }

  private void afterFetch(IMAPStore store, IMAPFolder folder, Folder target, Message message)
      throws MessagingException {
    if (account.afterFetch() == AfterFetch.MARK_SEEN || target == null) {
      message.setFlag(Flags.Flag.SEEN, true);
      return;
    }
    Message[] one = {message};
    if (store.hasCapability("MOVE")) {
      folder.moveMessages(one, target);
    } else {
      // Without MOVE: copy, flag the original deleted, and expunge only it where UID EXPUNGE exists.
      folder.copyMessages(one, target);
      message.setFlags(new Flags(Flags.Flag.SEEN), true);
      message.setFlag(Flags.Flag.DELETED, true);
      if (store.hasCapability("UIDPLUS")) {
        folder.expunge(one);
      }
    }
  }

  private Folder moveTarget(IMAPStore store) throws MessagingException {
    if (account.afterFetch() != AfterFetch.MOVE || account.moveToFolder() == null) {
      return null;
    }
    Folder target = store.getFolder(account.moveToFolder());
    if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
      throw new MessagingException("The folder '" + account.moveToFolder() + "' to move fetched mail to "
          + "does not exist and cannot be created.");
    }
    return target;
  }

  private Properties sessionProperties(String protocol) {
    Properties p = new Properties();
    String prefix = "mail." + protocol + ".";
    p.put(prefix + "connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
    p.put(prefix + "timeout", String.valueOf(settings.readTimeout().toMillis()));
    p.put(prefix + "peek", "true");
    p.put(prefix + "fetchsize", String.valueOf(1 << 20));
    if (account.security() == Security.STARTTLS) {
      p.put(prefix + "starttls.enable", "true");
      p.put(prefix + "starttls.required", "true");
    }
    if (account.security() != Security.PLAIN) {
      TlsTrust.apply(p, prefix, settings.sslTrust(), account.host());
    }
    return p;
  }

  private java.time.Instant leaseUntil() {
    return clock.instant().plus(settings.lease());
  }

  private PollResult failed(String error) {
    return new PollResult(logged, PollResult.Outcome.SERVER_FAILED, error);
  }

  private String describe(Exception e) {
    StringBuilder text = new StringBuilder(account.host() + ":" + account.port() + ": ");
    Throwable t = e;
    for (int depth = 0; t != null && depth < 3; depth++, t = t.getCause()) {
      text.append(depth == 0 ? "" : " / ").append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        text.append(": ").append(t.getMessage());
      }
    }
    return text.toString();
  }

  private static long uid(IMAPFolder folder, Message m) {
    try {
      return folder.getUID(m);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void closeQuietly(Folder folder) {
    try {
      if (folder.isOpen()) {
        folder.close(false);
      }
    } catch (MessagingException e) {
      log.debug("Closing {} failed", folder.getFullName(), e);
    }
  }

  /** The inbound log refused for now (429/503). */
  private static final class IntakeBusy extends RuntimeException {
    IntakeBusy(String message) {
      super(message, null, false, false);
    }
  }
}
