package org.socius.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socius.accounts.Sector;
import org.socius.platform.security.Role;

/** A case around one client, and the step it has reached. */
public record Case(
    UUID id,
    String reference,
    UUID personId,
    UUID regionId,
    UUID municipalityId,
    Sector sector,
    Source source,
    String requester,
    String request,
    boolean urgent,
    String language,
    Status status,
    UUID workerId,
    String workerName,
    OffsetDateTime openedAt,
    String openedBy,
    OffsetDateTime closedAt,
    Outcome outcome,
    int version,
    List<Step> steps) {

  /** Where a request for help came from. */
  public enum Source {
    /** The person asked. */
    PERSON,
    /** A representative asked for them. */
    REPRESENTATIVE,
    /** Another agency (health, education, employment, police) sent it. */
    AGENCY,
    /** A call to the hotline. */
    HOTLINE,
    /** A neighbour, a community worker or a caring station reported the person. */
    COMMUNITY
  }

  /** Whether the case is being worked. */
  public enum Status {
    OPEN,
    CLOSED
  }

  /** How a case ended. */
  public enum Outcome {
    /** The plan's goals were reached. */
    GOALS_MET,
    PARTLY_MET,
    NOT_MET,
    /** The client refused further services. */
    REFUSED,
    MOVED_AWAY,
    DIED,
    /** Another agency or municipality took the case over. */
    TRANSFERRED;

    /** Outcomes that may end a case at any step, not only after monitoring. */
    public boolean endsEarly() {
      return this == REFUSED || this == MOVED_AWAY || this == DIED || this == TRANSFERRED;
    }
  }

  /**
   * The steps of case management in their order, each with the working days it may take and the
   * role that completes it. The complex evaluation comes only when the intervention plan finds
   * special needs; monitoring repeats, a review at a time, until the case is closed.
   */
  public enum StepKind {
    /** The individual's and family's needs and risks, with information on their rights. */
    INITIAL_EVALUATION(5),
    /** The measures and services recommended, and the cash benefits due. */
    INTERVENTION_PLAN(10),
    /** The multidisciplinary team's assessment with standard instruments. */
    COMPLEX_EVALUATION(20),
    /** The personalised plan of services, agreed with the client. */
    INDIVIDUAL_PLAN(10),
    /** The services start as planned. */
    IMPLEMENTATION(20),
    /** A periodic review that decides whether the help continues. */
    MONITORING(60),
    /** The case ends with its outcome. */
    CLOSURE(5);

    private final int workingDays;

    StepKind(int workingDays) {
      this.workingDays = workingDays;
    }

    public int workingDays() {
      return workingDays;
    }

    /** Every step is the case worker's to complete; the team contributes its assessments. */
    public Role role() {
      return Role.CASE_WORKER;
    }
  }

  /** A step as the case went through it. */
  public record Step(
      int seq,
      StepKind kind,
      Role role,
      LocalDate startedOn,
      LocalDate dueOn,
      OffsetDateTime completedAt,
      String completedBy,
      String record) {

    public boolean overdue(LocalDate today) {
      return completedAt == null && today.isAfter(dueOn);
    }
  }

  /** The step the case is at: the one not yet completed (none once the case is closed). */
  public Optional<Step> current() {
    return steps.stream().filter(s -> s.completedAt() == null).findFirst();
  }

  public boolean open() {
    return status == Status.OPEN;
  }
}
