package org.socius.people;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.people.internal.FileRecords;
import org.socius.people.internal.MergeRecords;
import org.socius.people.internal.PeopleRecords;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging two records of one person, reviewed: a worker proposes which record to keep and why;
 * someone else approves or rejects. On approval the duplicate's incomes, household memberships and
 * identifier pass to the person kept, all or nothing, and other modules are told ({@link
 * PersonsMerged}). A merge that would lose information (different incomes for the same month and
 * source, two households at once) is refused with what to resolve first.
 */
@Service
public class PersonMerges {

  private final MergeRecords merges;
  private final PeopleRecords persons;
  private final FileRecords files;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  PersonMerges(
      MergeRecords merges,
      PeopleRecords persons,
      FileRecords files,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.merges = merges;
    this.persons = persons;
    this.files = files;
    this.audit = audit;
    this.events = events;
  }

  @Transactional
  public PersonMerge propose(UUID keptId, UUID duplicateId, String reason) {
    if (reason == null || reason.isBlank()) {
      throw InvalidInputException.of("reason", "PPL-0601");
    }
    if (keptId == null || keptId.equals(duplicateId)) {
      throw InvalidInputException.of("keptId", "PPL-0602");
    }
    Person kept = find(keptId);
    Person duplicate = find(duplicateId);
    if (merges.isMerged(kept.id()) || merges.isMerged(duplicate.id())) {
      throw new ConflictException("PPL-0607");
    }
    if (merges.isProposed(duplicate.id(), kept.id())) {
      // The mirror proposal is waiting: approving both would merge each record into the other.
      throw new ConflictException("PPL-0608");
    }
    PersonMerge merge =
        new PersonMerge(
            Ids.newId(),
            kept.id(),
            duplicate.id(),
            reason.trim(),
            PersonMerge.Status.PROPOSED,
            CurrentScope.actorName(),
            null,
            null,
            null);
    try {
      merges.insert(merge, kept.regionId(), kept.municipalityId());
    } catch (DuplicateKeyException e) {
      throw new ConflictException("PPL-0608");
    }
    audit.recordChange(entity(kept), "propose-merge", null, Map.of("duplicate", duplicateId));
    return get(merge.id());
  }

  /** Approves a proposal, by someone other than its proposer, and merges the records. */
  @Transactional
  public PersonMerge approve(UUID id, String note) {
    PersonMerge merge = open(id);
    // Locked before they are read: what the checks below see stays true until the merge commits.
    merges.lock(merge.keptId(), merge.duplicateId());
    Person kept = find(merge.keptId());
    Person duplicate = find(merge.duplicateId());
    if (merges.isMerged(kept.id()) || merges.isMerged(duplicate.id())) {
      throw new ConflictException("PPL-0607");
    }
    if (kept.identifier() != null
        && duplicate.identifier() != null
        && !kept.identifier().equals(duplicate.identifier())) {
      // Two identifiers are two people, or a typing error to correct before merging.
      throw new ConflictException("PPL-0611", kept.identifier(), duplicate.identifier());
    }
    List<String> conflicts = merges.conflictingIncomes(kept.id(), duplicate.id());
    if (!conflicts.isEmpty()) {
      throw new ConflictException("PPL-0604", String.join(", ", conflicts));
    }
    if (merges.householdMunicipalities(duplicate.id()).stream()
        .anyMatch(m -> !m.equals(kept.municipalityId()))) {
      throw new ConflictException("PPL-0606");
    }
    merges.moveIncomes(kept.id(), duplicate.id(), kept.regionId(), kept.municipalityId());
    try {
      merges.moveMemberships(kept.id(), duplicate.id());
    } catch (DataIntegrityViolationException e) {
      throw new ConflictException("PPL-0605");
    }
    merges.moveIdentifier(kept.id(), duplicate.id(), CurrentScope.actorName());
    files.mergeInto(kept.id(), duplicate.id(), kept.regionId(), kept.municipalityId());
    if (!merges.decide(id, PersonMerge.Status.MERGED, CurrentScope.actorName(), text(note))) {
      throw new ConflictException("PPL-0609");
    }
    audit.recordChange(
        entity(kept), "merge", Map.of("duplicate", duplicate.id()), Map.of("kept", kept.id()));
    audit.recordChange(entity(duplicate), "merged-into", null, Map.of("kept", kept.id()));
    events.publishEvent(new PersonsMerged(kept.id(), duplicate.id()));
    return get(id);
  }

  @Transactional
  public PersonMerge reject(UUID id, String note) {
    PersonMerge merge = open(id);
    if (note == null || note.isBlank()) {
      throw InvalidInputException.of("note", "PPL-0610");
    }
    if (!merges.decide(id, PersonMerge.Status.REJECTED, CurrentScope.actorName(), note.trim())) {
      throw new ConflictException("PPL-0609");
    }
    audit.recordChange(
        entity(find(merge.keptId())),
        "reject-merge",
        null,
        Map.of("duplicate", merge.duplicateId()));
    return get(id);
  }

  @Transactional(readOnly = true)
  public PersonMerge get(UUID id) {
    return merges.find(id).orElseThrow(() -> new NotFoundException("merge", id));
  }

  /** Proposals waiting for review in the caller's territory. */
  @Transactional(readOnly = true)
  public List<PersonMerge> proposed() {
    return merges.proposed();
  }

  /** The merges a person is part of, either way. */
  @Transactional(readOnly = true)
  public List<PersonMerge> involving(UUID personId) {
    return merges.involving(personId);
  }

  private PersonMerge open(UUID id) {
    PersonMerge merge = get(id);
    if (merge.status() != PersonMerge.Status.PROPOSED) {
      throw new ConflictException("PPL-0609");
    }
    if (merge.proposedBy().equals(CurrentScope.actorName())) {
      // Four eyes: the one who proposed a merge does not approve or reject it.
      throw new ConflictException("PPL-0603");
    }
    return merge;
  }

  private Person find(UUID id) {
    return persons.person(id).orElseThrow(() -> new NotFoundException("person", id));
  }

  private static AuditedEntity entity(Person p) {
    return AuditedEntity.of("person", p.id(), p.regionId(), p.municipalityId());
  }

  private static String text(String s) {
    return s == null ? "" : s.trim();
  }
}
