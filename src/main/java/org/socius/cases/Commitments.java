package org.socius.cases;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.cases.internal.AgreementRecords;
import org.socius.cases.internal.PlanRecords;
import org.socius.providers.Places;
import org.springframework.stereotype.Component;

/**
 * What a case holds outside itself: places at providers, held by the services of its plans, and
 * agreements with providers. A place goes back when no agreement in force or plan still needs it:
 * when the agreements of a new plan version replace those of the old one, and when the case closes.
 */
@Component
class Commitments {

  private final PlanRecords plans;
  private final AgreementRecords agreements;
  private final Places places;
  private final AuditLog audit;

  Commitments(PlanRecords plans, AgreementRecords agreements, Places places, AuditLog audit) {
    this.plans = plans;
    this.agreements = agreements;
    this.places = places;
    this.audit = audit;
  }

  /**
   * Gives back the places earlier versions of the plan held and the plan in force does not: done
   * when the new version's agreements are drawn up, so that no place goes while an agreement of the
   * old version is still in force.
   */
  void giveBackDropped(List<Plan> versions, Plan inForce) {
    Set<UUID> kept = reservations(List.of(inForce));
    for (UUID held : reservations(versions)) {
      if (!kept.contains(held)) {
        places.giveBack(held);
      }
    }
  }

  /** A closed case ends its agreements still in force and gives back every place it holds. */
  void release(Case c, LocalDate on) {
    for (Agreement a : agreements.endAll(c.id(), on, Agreement.EndReason.CASE_CLOSED)) {
      audit.recordChange(
          AuditedEntity.of("agreement", a.id(), a.regionId(), a.municipalityId()),
          "end",
          Map.of("status", a.status()),
          Map.of("endReason", Agreement.EndReason.CASE_CLOSED.name()));
    }
    for (UUID held : reservations(plans.plans(c.id()))) {
      places.giveBack(held);
    }
  }

  /** The places the services of these plans hold. */
  static Set<UUID> reservations(List<Plan> versions) {
    Set<UUID> held = new HashSet<>();
    for (Plan plan : versions) {
      for (Plan.Service s : plan.services()) {
        if (s.choice() != null && s.choice().reservationId() != null) {
          held.add(s.choice().reservationId());
        }
      }
    }
    return held;
  }
}
