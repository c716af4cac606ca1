package org.socius.providers.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.ServiceType;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.web.FormErrors;
import org.socius.providers.Application;
import org.socius.providers.Application.AppliedService;
import org.socius.providers.ChangeRequests;
import org.socius.providers.ProviderKinds.ApplicationStatus;
import org.socius.providers.ProviderKinds.Decision;
import org.socius.providers.ProviderKinds.DocumentKind;
import org.socius.providers.ProviderKinds.RefusalReason;
import org.socius.providers.ProviderProfiles;
import org.socius.providers.RegisterApplications;
import org.socius.providers.RegisterImport;
import org.socius.providers.ServiceDecision;
import org.socius.providers.ServicePoint;
import org.socius.providers.internal.ApplicationRecords;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An application to the register, as the provider prepares it and as the region's officer reviews
 * it: the same page, with the actions each may take.
 */
@Controller
class ApplicationController {

  private final RegisterApplications applications;
  private final ProviderProfiles profiles;
  private final Catalogue catalogue;
  private final MessageSource messages;
  private final RegisterImport importer;
  private final Territories territories;
  private final ChangeRequests changes;
  private final RegisterLookups lookups;

  ApplicationController(
      RegisterApplications applications,
      ProviderProfiles profiles,
      Catalogue catalogue,
      MessageSource messages,
      RegisterImport importer,
      Territories territories,
      ChangeRequests changes,
      RegisterLookups lookups) {
    this.changes = changes;
    this.lookups = lookups;
    this.importer = importer;
    this.territories = territories;
    this.applications = applications;
    this.profiles = profiles;
    this.catalogue = catalogue;
    this.messages = messages;
  }

  @GetMapping("/applications")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  String review(@RequestParam(required = false) ApplicationStatus status, Model model) {
    model.addAttribute("applications", applications.forReview(status));
    model.addAttribute("status", status);
    model.addAttribute("statuses", ApplicationStatus.values());
    model.addAttribute("today", LocalDate.now());
    model.addAttribute("changeRequests", changes.awaitingReview());
    model.addAttribute("typeNames", lookups.current().typeNames());
    return "providers/applications";
  }

  @PostMapping("/change-requests/{id}/decide")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  String decideChange(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "") String text,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      if (action.equals("approve")) {
        changes.approve(id, text);
      } else {
        changes.refuse(id, text);
      }
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("changeErrors", FormErrors.ofRefusal(e, messages, locale));
      return review(null, model);
    }
    redirect.addFlashAttribute("flash", "changes.decided");
    return "redirect:/applications";
  }

  @GetMapping("/register/import")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  String importForm(Model model) {
    model.addAttribute("importRegions", importRegions());
    model.addAttribute("header", String.join(",", RegisterImport.HEADER));
    return "providers/import";
  }

  @PostMapping("/register/import")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  String importFile(
      @RequestParam UUID regionId, @RequestParam("file") MultipartFile file, Model model)
      throws IOException {
    model.addAttribute(
        "report",
        importer.importCsv(
            new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8), regionId));
    return importForm(model);
  }

  private List<TerritoryUnit> importRegions() {
    return territories.regions().stream()
        .filter(r -> CurrentScope.get().allows(r.id(), null))
        .toList();
  }

  @GetMapping("/applications/{id}")
  String application(@PathVariable UUID id, Model model) {
    Application application = applications.get(id);
    model.addAttribute("submission", application);
    model.addAttribute("today", LocalDate.now());
    model.addAttribute("provider", profiles.publicProvider(application.providerId()));
    List<ServiceType> types = catalogue.search(null, null, null, null, null, true);
    model.addAttribute("serviceTypes", types);
    model.addAttribute(
        "typeNames", types.stream().collect(Collectors.toMap(ServiceType::id, ServiceType::name)));
    List<ServicePoint> points = profiles.servicePoints(application.providerId());
    model.addAttribute("points", points);
    model.addAttribute(
        "pointNames",
        points.stream().collect(Collectors.toMap(ServicePoint::id, ServicePoint::name)));
    model.addAttribute("documentKinds", DocumentKind.values());
    model.addAttribute("reasons", RefusalReason.values());
    model.addAttribute(
        "isMember",
        profiles.mine().stream().anyMatch(p -> p.id().equals(application.providerId())));
    model.addAttribute(
        "pending",
        application.services().stream().filter(s -> s.decision() == Decision.PENDING).toList());
    return "providers/application";
  }

  @PostMapping("/applications/{id}/services")
  String addService(
      @PathVariable UUID id,
      @RequestParam(required = false) UUID serviceTypeId,
      @RequestParam(required = false) UUID servicePointId,
      @RequestParam(required = false) Integer capacity,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        model,
        locale,
        redirect,
        () -> applications.addService(id, serviceTypeId, servicePointId, capacity),
        "applications.serviceAdded");
  }

  @PostMapping("/applications/{id}/services/{serviceId}/remove")
  String removeService(
      @PathVariable UUID id,
      @PathVariable UUID serviceId,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        model,
        locale,
        redirect,
        () -> applications.removeService(id, serviceId),
        "applications.serviceRemoved");
  }

  @PostMapping("/applications/{id}/documents")
  String attach(
      @PathVariable UUID id,
      @RequestParam(required = false) DocumentKind kind,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      Locale locale,
      RedirectAttributes redirect)
      throws IOException {
    byte[] bytes = file == null ? new byte[0] : file.getBytes();
    String filename = file == null ? null : file.getOriginalFilename();
    String type = file == null ? null : file.getContentType();
    return act(
        id,
        model,
        locale,
        redirect,
        () -> applications.attach(id, kind, filename, type, bytes),
        "applications.documentAdded");
  }

  @GetMapping("/applications/{id}/documents/{documentId}")
  ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
    ApplicationRecords.StoredFile file = applications.document(id, documentId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(file.filename(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(file.content());
  }

  @PostMapping("/applications/{id}/submit")
  String submit(
      @PathVariable UUID id,
      @RequestParam int version,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        model,
        locale,
        redirect,
        () -> applications.submit(id, version),
        "applications.submitted");
  }

  @PostMapping("/applications/{id}/request-information")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  String requestInformation(
      @PathVariable UUID id,
      @RequestParam int version,
      @RequestParam(defaultValue = "") String note,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        model,
        locale,
        redirect,
        () -> applications.requestInformation(id, version, note),
        "applications.informationRequested");
  }

  @PostMapping("/applications/{id}/answer")
  String answer(
      @PathVariable UUID id,
      @RequestParam int version,
      @RequestParam(defaultValue = "") String note,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        model,
        locale,
        redirect,
        () -> applications.answer(id, version, note),
        "applications.answered");
  }

  @PostMapping("/applications/{id}/decide")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  String decide(
      @PathVariable UUID id,
      @RequestParam int version,
      HttpServletRequest request,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Application application = applications.get(id);
    List<ServiceDecision> decisions = new ArrayList<>();
    for (AppliedService service : application.services()) {
      String choice = request.getParameter("decision-" + service.id());
      if (choice == null || choice.isBlank()) {
        continue;
      }
      String reason = request.getParameter("reason-" + service.id());
      decisions.add(
          new ServiceDecision(
              service.id(),
              "ADMIT".equals(choice),
              reason == null || reason.isBlank() ? null : RefusalReason.valueOf(reason),
              request.getParameter("text-" + service.id())));
    }
    return act(
        id,
        model,
        locale,
        redirect,
        () -> applications.decide(id, version, decisions),
        "applications.decided");
  }

  @PostMapping("/applications/{id}/appeal")
  String appeal(
      @PathVariable UUID id,
      @RequestParam int version,
      @RequestParam UUID serviceId,
      @RequestParam(defaultValue = "") String text,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        model,
        locale,
        redirect,
        () -> applications.appeal(id, version, serviceId, text),
        "applications.appealed");
  }

  /** Runs an action and goes back to the application, or shows why it was refused. */
  private String act(
      UUID id,
      Model model,
      Locale locale,
      RedirectAttributes redirect,
      Runnable action,
      String done) {
    try {
      action.run();
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("errors", FormErrors.ofRefusal(e, messages, locale));
      return application(id, model);
    }
    redirect.addFlashAttribute("flash", done);
    return "redirect:/applications/" + id;
  }
}
