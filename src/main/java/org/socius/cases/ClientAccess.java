package org.socius.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.accounts.AccountAdministration;
import org.socius.accounts.UserAccount;
import org.socius.audit.AuditLog;
import org.socius.cases.internal.CaseRecords;
import org.socius.cases.internal.ClientRecords;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worker's side of the client's own view: which beneficiary accounts have access to a case (the
 * client's, or a representative's), and the conversation with them. An account gets access only if
 * it is a beneficiary's account the worker's territory holds.
 */
@Service
public class ClientAccess {

  /** The longest message, in characters. */
  public static final int MAX_MESSAGE = 4000;

  private final Cases cases;
  private final CaseRecords caseRecords;
  private final ClientRecords records;
  private final AccountAdministration accounts;
  private final AuditLog audit;
  private final java.time.Clock clock;

  ClientAccess(
      Cases cases,
      CaseRecords caseRecords,
      ClientRecords records,
      AccountAdministration accounts,
      AuditLog audit,
      java.time.Clock clock) {
    this.cases = cases;
    this.caseRecords = caseRecords;
    this.records = records;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  /** The accounts with access to a case now. */
  @Transactional(readOnly = true)
  public List<CaseAccess> accessTo(UUID caseId) {
    Roles.requireCaseTeam();
    cases.visible(caseId);
    return records.accessTo(caseId);
  }

  /** Gives a beneficiary's account, found by its login, access to an open case. */
  @Transactional
  public CaseAccess give(UUID caseId, String username, CaseAccess.Capacity capacity) {
    Roles.requireCaseHandler();
    caseRecords.lock(caseId);
    Case c = cases.visible(caseId);
    if (!c.open()) {
      throw new ConflictException("CAS-0401", c.reference());
    }
    List<Finding> findings = new ArrayList<>();
    String login = username == null ? "" : username.trim().toLowerCase();
    // Only accounts of the worker's own territory are found: row-level security hides the rest.
    UserAccount account =
        login.isEmpty()
            ? null
            : accounts
                .findByUsername(login)
                .filter(u -> u.roles().contains(Role.BENEFICIARY) && u.enabled())
                .orElse(null);
    if (account == null) {
      findings.add(Finding.of("username", "CAS-1101", login));
    }
    if (capacity == null) {
      findings.add(Finding.of("capacity", "CAS-1102"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    if (records.accessTo(caseId).stream().anyMatch(a -> a.userId().equals(account.id()))) {
      throw new ConflictException("CAS-1103", login);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    CaseAccess access =
        new CaseAccess(
            Ids.newId(),
            caseId,
            account.id(),
            account.displayName(),
            capacity,
            now,
            CurrentScope.actorName());
    records.insertAccess(c, access);
    caseRecords.recordEvent(
        c, CurrentScope.actorName(), now, "CLIENT_ACCESS_GIVEN", named(access, login));
    audit.recordChange(
        Cases.entity(c),
        "give-client-access",
        null,
        Map.of("account", login, "capacity", capacity.name()));
    return access;
  }

  /** Ends an account's access to a case. */
  @Transactional
  public void end(UUID caseId, UUID accessId) {
    Roles.requireCaseHandler();
    Case c = cases.visible(caseId);
    CaseAccess access =
        records.accessTo(caseId).stream()
            .filter(a -> a.id().equals(accessId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("client access", accessId));
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!records.endAccess(caseId, accessId, now, CurrentScope.actorName())) {
      throw new NotFoundException("client access", accessId);
    }
    caseRecords.recordEvent(
        c, CurrentScope.actorName(), now, "CLIENT_ACCESS_ENDED", access.displayName());
    audit.recordChange(
        Cases.entity(c), "end-client-access", Map.of("access", accessId.toString()), null);
  }

  /** The conversation with the client, the oldest first. */
  @Transactional(readOnly = true)
  public List<ClientMessage> messages(UUID caseId) {
    Roles.requireCaseTeam();
    cases.visible(caseId);
    return records.messages(caseId);
  }

  /** The worker answers the client; the client's messages so far count as read. */
  @Transactional
  public ClientMessage reply(UUID caseId, String body) {
    Roles.requireCaseHandler();
    Case c = cases.visible(caseId);
    checkMessage(body);
    OffsetDateTime now = OffsetDateTime.now(clock);
    ClientMessage m =
        new ClientMessage(
            Ids.newId(),
            caseId,
            false,
            CurrentScope.actorName(),
            CurrentScope.actor().map(a -> a.displayName()).orElse(CurrentScope.actorName()),
            body.trim(),
            now,
            null);
    records.insertMessage(c, m);
    records.markRead(caseId, true, now);
    return m;
  }

  /** The account as the case's history names it. */
  private static String named(CaseAccess access, String login) {
    return access.displayName() + " (" + login + ")";
  }

  static void checkMessage(String body) {
    if (Cases.blank(body) || body.trim().length() > MAX_MESSAGE) {
      throw InvalidInputException.of("body", "CAS-1104", MAX_MESSAGE);
    }
  }
}
