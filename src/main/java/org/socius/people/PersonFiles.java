package org.socius.people;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.people.PeopleKinds.AssetKind;
import org.socius.people.PeopleKinds.ConsentPurpose;
import org.socius.people.PeopleKinds.DocumentKind;
import org.socius.people.internal.FileRecords;
import org.socius.people.internal.PeopleRecords;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.files.Uploads;
import org.socius.platform.security.CurrentScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's assets (what a means test weighs: a household's facts include their value on the
 * date), consents given and withdrawn, and documents seen. Every change is audited; reading the
 * file is audited as a read of the person.
 */
@Service
public class PersonFiles {

  private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000");
  private static final int MAX_SCAN_BYTES = 10 * 1024 * 1024;

  private final PeopleRecords persons;
  private final FileRecords files;
  private final AuditLog audit;
  private final Clock clock;

  PersonFiles(PeopleRecords persons, FileRecords files, AuditLog audit, Clock clock) {
    this.persons = persons;
    this.files = files;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public PersonFile of(UUID personId) {
    Person p = find(personId);
    audit.recordRead(entity(p));
    return of(p);
  }

  /**
   * The file of a person the caller has just read through {@link People#get}, which audited the
   * read: a person's page then records one read, not two. The file's rows keep their own policies.
   */
  @Transactional(readOnly = true)
  public PersonFile of(Person p) {
    return new PersonFile(files.assets(p.id()), files.consents(p.id()), files.documents(p.id()));
  }

  @Transactional
  public PersonFile.Asset recordAsset(
      UUID personId, AssetKind kind, String description, BigDecimal value, LocalDate heldFrom) {
    Person p = find(personId);
    List<Finding> findings = new ArrayList<>();
    if (kind == null) {
      findings.add(Finding.of("kind", "PPL-0701"));
    }
    if (description == null || description.isBlank() || description.length() > 500) {
      findings.add(Finding.of("description", "PPL-0702"));
    }
    if (value == null
        || value.signum() < 0
        || value.scale() > 2
        || value.compareTo(MAX_VALUE) >= 0) {
      findings.add(Finding.of("value", "PPL-0703"));
    }
    if (heldFrom == null || heldFrom.isAfter(LocalDate.now(clock))) {
      findings.add(Finding.of("heldFrom", "PPL-0704"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    PersonFile.Asset asset =
        new PersonFile.Asset(
            Ids.newId(), kind, description.trim(), value, heldFrom, null, CurrentScope.actorName());
    files.insertAsset(p, asset);
    audit.recordChange(entity(p), "asset", null, asset);
    return asset;
  }

  /** The person no longer holds the asset from a date (sold, given away, lost). */
  @Transactional
  public void endAsset(UUID personId, UUID assetId, LocalDate heldTo) {
    Person p = find(personId);
    if (heldTo == null || heldTo.isAfter(LocalDate.now(clock))) {
      throw InvalidInputException.of("heldTo", "PPL-0704");
    }
    if (!files.endAsset(p.id(), assetId, heldTo)) {
      throw new ConflictException("PPL-0705");
    }
    audit.recordChange(entity(p), "asset-ended", null, Map.of("asset", assetId, "to", heldTo));
  }

  @Transactional
  public PersonFile.Consent giveConsent(UUID personId, ConsentPurpose purpose, LocalDate givenOn) {
    Person p = find(personId);
    List<Finding> findings = new ArrayList<>();
    if (purpose == null) {
      findings.add(Finding.of("purpose", "PPL-0706"));
    }
    if (givenOn == null || givenOn.isAfter(LocalDate.now(clock))) {
      findings.add(Finding.of("givenOn", "PPL-0707"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    PersonFile.Consent consent =
        new PersonFile.Consent(Ids.newId(), purpose, givenOn, null, CurrentScope.actorName());
    try {
      files.insertConsent(p, consent);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("PPL-0708");
    }
    audit.recordChange(entity(p), "consent", null, consent);
    return consent;
  }

  @Transactional
  public void withdrawConsent(UUID personId, UUID consentId, LocalDate on) {
    Person p = find(personId);
    if (on == null || on.isAfter(LocalDate.now(clock))) {
      throw InvalidInputException.of("on", "PPL-0707");
    }
    if (!files.withdrawConsent(p.id(), consentId, on)) {
      throw new ConflictException("PPL-0709");
    }
    audit.recordChange(entity(p), "consent-withdrawn", null, Map.of("consent", consentId));
  }

  /** Whether the person's consent to a purpose is in force. */
  @Transactional(readOnly = true)
  public boolean consents(UUID personId, ConsentPurpose purpose) {
    return consentInForce(personId, purpose).isPresent();
  }

  /** The person's consent to a purpose now in force, if any: what a referral cites. */
  @Transactional(readOnly = true)
  public Optional<PersonFile.Consent> consentInForce(UUID personId, ConsentPurpose purpose) {
    return files.consentInForce(find(personId).id(), purpose);
  }

  @Transactional
  public PersonFile.Document recordDocument(
      UUID personId, DocumentKind kind, String number, LocalDate issuedOn, LocalDate expiresOn) {
    return recordDocument(personId, kind, number, issuedOn, expiresOn, null, null, null);
  }

  /** Records a document with its scan (PDF, PNG or JPEG; none when {@code content} is empty). */
  @Transactional
  public PersonFile.Document recordDocument(
      UUID personId,
      DocumentKind kind,
      String number,
      LocalDate issuedOn,
      LocalDate expiresOn,
      String fileName,
      String contentType,
      byte[] content) {
    Person p = find(personId);
    List<Finding> findings = new ArrayList<>();
    if (kind == null) {
      findings.add(Finding.of("kind", "PPL-0710"));
    }
    if (number != null && number.length() > 100) {
      findings.add(Finding.of("number", "PPL-0713"));
    }
    if (issuedOn != null && issuedOn.isAfter(LocalDate.now(clock))) {
      findings.add(Finding.of("issuedOn", "PPL-0711"));
    }
    if (issuedOn != null && expiresOn != null && !expiresOn.isAfter(issuedOn)) {
      findings.add(Finding.of("expiresOn", "PPL-0712"));
    }
    PersonFile.Scan scan = null;
    if (content != null && content.length > 0) {
      Uploads.checkDocument(contentType, content, MAX_SCAN_BYTES)
          .ifPresent(
              problem ->
                  findings.add(
                      problem == Uploads.Problem.TOO_LARGE
                          ? Finding.of("file", "PPL-0714", MAX_SCAN_BYTES / (1024 * 1024))
                          : Finding.of("file", "PPL-0715")));
      scan =
          new PersonFile.Scan(
              Uploads.safeName(fileName, "document"), Uploads.mediaType(contentType), content);
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    PersonFile.Document document =
        new PersonFile.Document(
            Ids.newId(),
            kind,
            number == null ? "" : number.trim(),
            issuedOn,
            expiresOn,
            CurrentScope.actorName(),
            scan == null ? null : scan.fileName());
    files.insertDocument(p, document, scan);
    audit.recordChange(entity(p), "document", null, document);
    return document;
  }

  /** A document's scan, read as a read of the person. */
  @Transactional(readOnly = true)
  public PersonFile.Scan scan(UUID personId, UUID documentId) {
    Person p = find(personId);
    PersonFile.Scan scan =
        files
            .scan(p.id(), documentId)
            .orElseThrow(() -> new NotFoundException("document", documentId));
    audit.recordRead(entity(p));
    return scan;
  }

  private Person find(UUID id) {
    return persons.person(id).orElseThrow(() -> new NotFoundException("person", id));
  }

  private static AuditedEntity entity(Person p) {
    return AuditedEntity.of("person", p.id(), p.regionId(), p.municipalityId());
  }
}
