package org.socius.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.accounts.Sector;

/**
 * Everything on a case that the reader may see: its team, notes (restricted ones only for case
 * workers), conferences, tasks, referrals, assessments and history.
 */
public record CaseFile(
    Case theCase,
    List<Member> team,
    List<Note> notes,
    List<Conference> conferences,
    List<Task> tasks,
    List<Referral> referrals,
    List<Assessment> assessments,
    List<Event> history) {

  /** A colleague on the case's team. */
  public record Member(
      UUID id,
      UUID userId,
      String username,
      String displayName,
      Sector sector,
      String roleInCase,
      OffsetDateTime joinedAt) {}

  public record Note(
      UUID id, boolean restricted, String text, OffsetDateTime writtenAt, String writtenBy) {}

  /** A case conference: who took part, the minutes and what was decided. */
  public record Conference(
      UUID id,
      LocalDate heldOn,
      String participants,
      String minutes,
      String decisions,
      String recordedBy) {}

  public record Task(
      UUID id,
      String title,
      String assignee,
      LocalDate dueOn,
      OffsetDateTime doneAt,
      String doneBy,
      String createdBy) {

    public boolean overdue(LocalDate today) {
      return doneAt == null && today.isAfter(dueOn);
    }
  }

  /** Where the case was referred, with the consent that allowed it. */
  public record Referral(
      UUID id,
      ReferralTarget toKind,
      String toName,
      Sector sector,
      String reason,
      UUID consentId,
      OffsetDateTime referredAt,
      String referredBy) {}

  /** Who a referral goes to. */
  public enum ReferralTarget {
    AGENCY,
    NGO,
    CHARITY
  }

  /** An assessment with an instrument's version: the answers, the scores and the results. */
  public record Assessment(
      UUID id,
      UUID instrumentId,
      String instrumentCode,
      int instrumentVersion,
      String instrumentName,
      Map<String, Integer> answers,
      Map<String, Integer> scores,
      Map<String, String> results,
      LocalDate assessedOn,
      String assessedBy) {}

  /**
   * Something that happened to the case. The detail of a completed step is the step's code, and of
   * a closure the outcome's, so that each reader sees it in their language.
   */
  public record Event(OffsetDateTime at, String actor, String kind, String detail) {

    /** The message key that names the detail, when the detail is a code; null otherwise. */
    public String detailKey() {
      return switch (kind) {
        case "STEP_COMPLETED" -> codeOf(Case.StepKind.class, "cases.step.");
        case "CLOSED", "CLOSED_EARLY" -> codeOf(Case.Outcome.class, "cases.outcome.");
        default -> null;
      };
    }

    private <E extends Enum<E>> String codeOf(Class<E> codes, String prefix) {
      for (E code : codes.getEnumConstants()) {
        if (code.name().equals(detail)) {
          return prefix + detail;
        }
      }
      return null;
    }
  }
}
