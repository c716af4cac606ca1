package org.socius.providers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.catalogue.Catalogue;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.files.Uploads;
import org.socius.providers.Application.AppliedService;
import org.socius.providers.ProviderKinds.ApplicationStatus;
import org.socius.providers.ProviderKinds.Decision;
import org.socius.providers.ProviderKinds.DocumentKind;
import org.socius.providers.internal.ApplicationRecords;
import org.socius.providers.internal.ProviderRecords;
import org.socius.providers.internal.RegisterRecords;
import org.socius.territory.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications to the register, service by service: the provider prepares and submits, the region's
 * officer asks for information and decides each service within the statutory deadline, the provider
 * may appeal a refusal. Each transition names the state it refuses to leave.
 */
@Service
public class RegisterApplications {

  /** Documents every application needs before it can be submitted. */
  static final Set<DocumentKind> REQUIRED_DOCUMENTS =
      EnumSet.of(DocumentKind.STATUTE, DocumentKind.REGISTRATION_CERTIFICATE);

  private static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

  private final ApplicationRecords applications;
  private final ProviderRecords providers;
  private final RegisterRecords register;
  private final ProviderAccess access;
  private final Catalogue catalogue;
  private final WorkingDays workingDays;
  private final AuditLog audit;
  private final Clock clock;
  private final int reviewWorkingDays;

  RegisterApplications(
      ApplicationRecords applications,
      ProviderRecords providers,
      RegisterRecords register,
      ProviderAccess access,
      Catalogue catalogue,
      WorkingDays workingDays,
      AuditLog audit,
      Clock clock,
      @Value("${socius.providers.review-working-days:30}") int reviewWorkingDays) {
    this.applications = applications;
    this.providers = providers;
    this.register = register;
    this.access = access;
    this.catalogue = catalogue;
    this.workingDays = workingDays;
    this.audit = audit;
    this.clock = clock;
    this.reviewWorkingDays = reviewWorkingDays;
  }

  /** An application the actor may see: their provider's, or one submitted in their region. */
  @Transactional(readOnly = true)
  public Application get(UUID id) {
    Application application = find(id);
    boolean member = access.isMember(application.providerId());
    boolean officer =
        access.isOfficerOf(application.regionId())
            && application.status() != ApplicationStatus.DRAFT;
    if (!member && !officer) {
      throw new NotFoundException("application", id);
    }
    return application;
  }

  @Transactional(readOnly = true)
  public List<ApplicationSummary> ofProvider(UUID providerId) {
    access.requireMember(providerId);
    return applications.ofProvider(providerId);
  }

  /** What the region's officers review; row-level security keeps it to their region. */
  @Transactional(readOnly = true)
  public List<ApplicationSummary> forReview(ApplicationStatus status) {
    return applications.forReview(status).stream()
        .filter(a -> access.isOfficerOf(a.regionId()))
        .toList();
  }

  @Transactional
  public Application start(UUID providerId) {
    Provider provider = access.requireMember(providerId);
    UUID id = Ids.newId();
    applications.insert(id, providerId, provider.regionId());
    applications.addEvent(id, provider.regionId(), access.actorName(), "created", "");
    return find(id);
  }

  @Transactional
  public Application addService(
      UUID applicationId, UUID serviceTypeId, UUID servicePointId, Integer capacity) {
    Application application = ownDraft(applicationId);
    List<Finding> findings = new ArrayList<>();
    if (catalogue.serviceType(serviceTypeId).filter(t -> t.active()).isEmpty()) {
      findings.add(Finding.of("serviceTypeId", "PRV-0601"));
    }
    ServicePoint point =
        providers
            .point(servicePointId)
            .filter(p -> p.providerId().equals(application.providerId()))
            .orElse(null);
    if (point == null) {
      findings.add(Finding.of("servicePointId", "PRV-0602"));
    }
    if (capacity == null || capacity <= 0) {
      findings.add(Finding.of("capacity", "PRV-0603"));
    } else if (point != null && capacity > point.capacity()) {
      findings.add(Finding.of("capacity", "PRV-0604", point.capacity()));
    }
    if (findings.isEmpty()
        && application.services().stream()
            .anyMatch(
                s ->
                    s.serviceTypeId().equals(serviceTypeId)
                        && s.servicePointId().equals(servicePointId))) {
      findings.add(Finding.of("serviceTypeId", "PRV-0605"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    applications.addService(
        applicationId,
        application.regionId(),
        new AppliedService(
            Ids.newId(),
            serviceTypeId,
            servicePointId,
            capacity,
            Decision.PENDING,
            null,
            null,
            null));
    return find(applicationId);
  }

  @Transactional
  public Application removeService(UUID applicationId, UUID serviceId) {
    ownDraft(applicationId);
    applications.removeService(applicationId, serviceId);
    return find(applicationId);
  }

  /** Attaches a document while the provider may still change the application. */
  @Transactional
  public Application attach(
      UUID applicationId, DocumentKind kind, String filename, String contentType, byte[] content) {
    Application application = get(applicationId);
    if (!access.isMember(application.providerId())) {
      throw new NotFoundException("application", applicationId);
    }
    if (application.status() != ApplicationStatus.DRAFT
        && application.status() != ApplicationStatus.INFORMATION_REQUESTED) {
      throw new ConflictException("PRV-0701", application.status());
    }
    List<Finding> findings = new ArrayList<>();
    if (kind == null) {
      findings.add(Finding.of("kind", "PRV-0702"));
    }
    Uploads.checkDocument(contentType, content, MAX_DOCUMENT_BYTES)
        .ifPresent(
            problem ->
                findings.add(
                    switch (problem) {
                      case EMPTY -> Finding.of("file", "PRV-0703");
                      case TOO_LARGE ->
                          Finding.of("file", "PRV-0704", MAX_DOCUMENT_BYTES / (1024 * 1024));
                      case NOT_A_DOCUMENT -> Finding.of("file", "PRV-0705");
                    }));
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    String type = Uploads.mediaType(contentType);
    String name = Uploads.safeName(filename, "document");
    applications.addDocument(
        Ids.newId(),
        application.providerId(),
        applicationId,
        application.regionId(),
        kind,
        name,
        type,
        content,
        access.actorName());
    applications.addEvent(
        applicationId, application.regionId(), access.actorName(), "document", name);
    return find(applicationId);
  }

  /**
   * Submits a complete application: at least one service, the required documents, at least one
   * founder. The review deadline is counted in working days of the region's calendar.
   */
  @Transactional
  public Application submit(UUID applicationId, int expectedVersion) {
    Application application = ownDraft(applicationId);
    checkVersion(application, expectedVersion);
    Provider provider = providers.find(application.providerId()).orElseThrow();
    List<Finding> findings = new ArrayList<>();
    if (application.services().isEmpty()) {
      findings.add(Finding.of("services", "PRV-0801"));
    }
    Set<DocumentKind> present = EnumSet.noneOf(DocumentKind.class);
    application.documents().forEach(d -> present.add(d.kind()));
    for (DocumentKind required : REQUIRED_DOCUMENTS) {
      if (!present.contains(required)) {
        findings.add(Finding.of("documents", "PRV-0802", required));
      }
    }
    if (provider.founders().isEmpty()) {
      findings.add(Finding.of("founders", "PRV-0803"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate due = workingDays.addWorkingDays(application.regionId(), today, reviewWorkingDays);
    move(application, ApplicationStatus.SUBMITTED, OffsetDateTime.now(clock), due, null);
    applications.addEvent(
        applicationId, application.regionId(), access.actorName(), "submitted", "");
    audit.recordChange(entity(application), "submit", null, Map.of("dueOn", due));
    return find(applicationId);
  }

  @Transactional
  public Application requestInformation(UUID applicationId, int expectedVersion, String note) {
    Application application = reviewable(applicationId, ApplicationStatus.SUBMITTED);
    checkVersion(application, expectedVersion);
    if (note == null || note.isBlank()) {
      throw InvalidInputException.of("note", "PRV-0901");
    }
    move(application, ApplicationStatus.INFORMATION_REQUESTED, null, null, null);
    applications.addEvent(
        applicationId,
        application.regionId(),
        access.actorName(),
        "information-requested",
        note.trim());
    audit.recordChange(
        entity(application), "request-information", null, Map.of("note", note.trim()));
    return find(applicationId);
  }

  /** The provider answers a request for information; the review goes on. */
  @Transactional
  public Application answer(UUID applicationId, int expectedVersion, String note) {
    Application application = get(applicationId);
    if (!access.isMember(application.providerId())) {
      throw new NotFoundException("application", applicationId);
    }
    if (application.status() != ApplicationStatus.INFORMATION_REQUESTED) {
      throw new ConflictException("PRV-0902", application.status());
    }
    checkVersion(application, expectedVersion);
    move(application, ApplicationStatus.SUBMITTED, null, null, null);
    applications.addEvent(
        applicationId,
        application.regionId(),
        access.actorName(),
        "answered",
        note == null ? "" : note.trim());
    return find(applicationId);
  }

  /**
   * Decides services of a submitted or appealed application. A refusal needs a reason from the
   * list. When no service is left pending the application is decided, and each admitted service
   * enters the register.
   */
  @Transactional
  public Application decide(
      UUID applicationId, int expectedVersion, List<ServiceDecision> decisions) {
    Application application = find(applicationId);
    access.requireOfficerOf(application.regionId(), applicationId);
    if (application.status() != ApplicationStatus.SUBMITTED
        && application.status() != ApplicationStatus.APPEALED) {
      throw new ConflictException("PRV-1001", application.status());
    }
    checkVersion(application, expectedVersion);
    List<Finding> findings = new ArrayList<>();
    for (ServiceDecision d : decisions) {
      AppliedService service =
          application.services().stream()
              .filter(s -> s.id().equals(d.serviceId()))
              .findFirst()
              .orElse(null);
      if (service == null) {
        findings.add(Finding.of("serviceId", "PRV-1002"));
      } else if (service.decision() != Decision.PENDING) {
        findings.add(Finding.of("serviceId", "PRV-1003"));
      } else if (!d.admit() && d.reason() == null) {
        findings.add(Finding.of("reason-" + d.serviceId(), "PRV-1004"));
      }
    }
    if (decisions.isEmpty()) {
      findings.add(Finding.of(null, "PRV-1005"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (ServiceDecision d : decisions) {
      boolean decided =
          applications.decide(
              d.serviceId(),
              d.admit() ? Decision.ADMITTED : Decision.REFUSED,
              d.admit() ? null : d.reason(),
              d.admit() || d.text() == null ? null : d.text().trim(),
              now);
      if (!decided) {
        // Another officer decided this service between our read and this write.
        throw new ConflictException("PRV-1003");
      }
      applications.addEvent(
          applicationId,
          application.regionId(),
          access.actorName(),
          d.admit() ? "admitted" : "refused",
          d.admit()
              ? ""
              : d.reason()
                  + (d.text() == null || d.text().isBlank() ? "" : ": " + d.text().trim()));
    }
    Application after = find(applicationId);
    if (after.services().stream().noneMatch(s -> s.decision() == Decision.PENDING)) {
      move(after, ApplicationStatus.DECIDED, null, null, now);
      enterAdmittedServices(after);
    }
    audit.recordChange(entity(application), "decide", null, decisions);
    return find(applicationId);
  }

  /** The provider contests the refusal of a service; the region decides it again. */
  @Transactional
  public Application appeal(UUID applicationId, int expectedVersion, UUID serviceId, String text) {
    Application application = get(applicationId);
    if (!access.isMember(application.providerId())) {
      throw new NotFoundException("application", applicationId);
    }
    if (application.status() != ApplicationStatus.DECIDED) {
      throw new ConflictException("PRV-1101", application.status());
    }
    checkVersion(application, expectedVersion);
    AppliedService service =
        application.services().stream()
            .filter(s -> s.id().equals(serviceId))
            .findFirst()
            .orElse(null);
    if (service == null || service.decision() != Decision.REFUSED) {
      throw InvalidInputException.of("serviceId", "PRV-1102");
    }
    if (text == null || text.isBlank()) {
      throw InvalidInputException.of("text", "PRV-1103");
    }
    applications.appeal(serviceId, text.trim());
    LocalDate due =
        workingDays.addWorkingDays(application.regionId(), LocalDate.now(clock), reviewWorkingDays);
    move(application, ApplicationStatus.APPEALED, null, due, null);
    applications.addEvent(
        applicationId, application.regionId(), access.actorName(), "appealed", text.trim());
    audit.recordChange(entity(application), "appeal", null, Map.of("service", serviceId));
    return find(applicationId);
  }

  /** A document's bytes, for whoever may see the application. */
  @Transactional(readOnly = true)
  public ApplicationRecords.StoredFile document(UUID applicationId, UUID documentId) {
    get(applicationId);
    return applications
        .document(applicationId, documentId)
        .orElseThrow(() -> new NotFoundException("document", documentId));
  }

  private void enterAdmittedServices(Application application) {
    boolean any = false;
    for (AppliedService s : application.services()) {
      if (s.decision() == Decision.ADMITTED) {
        ServicePoint point = providers.point(s.servicePointId()).orElseThrow();
        register.register(
            new RegisteredService(
                Ids.newId(),
                application.providerId(),
                application.regionId(),
                point.municipalityId(),
                s.serviceTypeId(),
                s.servicePointId(),
                s.capacity(),
                0,
                ProviderKinds.RegisteredStatus.ACTIVE,
                "",
                LocalDate.now(clock),
                0),
            application.id());
        any = true;
      }
    }
    if (any) {
      providers.setStatus(application.providerId(), "REGISTERED");
    }
  }

  private Application ownDraft(UUID applicationId) {
    Application application = get(applicationId);
    if (!access.isMember(application.providerId())) {
      throw new NotFoundException("application", applicationId);
    }
    if (application.status() != ApplicationStatus.DRAFT) {
      throw new ConflictException("PRV-0701", application.status());
    }
    return application;
  }

  private Application reviewable(UUID applicationId, ApplicationStatus expected) {
    Application application = find(applicationId);
    access.requireOfficerOf(application.regionId(), applicationId);
    if (application.status() != expected) {
      throw new ConflictException("PRV-0903", application.status());
    }
    return application;
  }

  private Application find(UUID id) {
    return applications.find(id).orElseThrow(() -> new NotFoundException("application", id));
  }

  private void move(
      Application application,
      ApplicationStatus status,
      OffsetDateTime submittedAt,
      LocalDate due,
      OffsetDateTime decidedAt) {
    if (!applications.transition(
        application.id(), application.version(), status, submittedAt, due, decidedAt)) {
      throw ConflictException.staleVersion(application.version(), "newer");
    }
  }

  private static void checkVersion(Application application, int expected) {
    if (application.version() != expected) {
      throw ConflictException.staleVersion(expected, application.version());
    }
  }

  private static AuditedEntity entity(Application application) {
    return AuditedEntity.of("application", application.id(), application.regionId(), null);
  }
}
