package org.socius.providers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.socius.platform.api.ETags;
import org.socius.platform.api.ImportReport;
import org.socius.platform.api.PageResponse;
import org.socius.platform.errors.NotFoundException;
import org.socius.providers.Application;
import org.socius.providers.ApplicationSummary;
import org.socius.providers.ProviderKinds.ApplicationStatus;
import org.socius.providers.ProviderKinds.ProviderType;
import org.socius.providers.ProviderKinds.RefusalReason;
import org.socius.providers.PublicRegister;
import org.socius.providers.RegisterApplications;
import org.socius.providers.RegisterImport;
import org.socius.providers.ServiceDecision;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register and the review of applications over JSON. */
@RestController
@Tag(name = "Register of providers", description = "Registered services, providers, applications")
class RegisterApiController {

  private final PublicRegister register;
  private final RegisterApplications applications;
  private final RegisterImport importer;

  RegisterApiController(
      PublicRegister register, RegisterApplications applications, RegisterImport importer) {
    this.register = register;
    this.applications = applications;
    this.importer = importer;
  }

  record InformationRequest(@NotBlank String note) {}

  record DecisionBody(@NotNull UUID serviceId, boolean admit, RefusalReason reason, String text) {}

  record DecisionsBody(@NotEmpty List<@Valid DecisionBody> decisions) {}

  @GetMapping("/api/v1/register/services")
  @Operation(
      summary = "Active registered services, filtered by service type, territory and provider type")
  PageResponse<PublicRegister.Entry> services(
      @RequestParam(required = false) UUID serviceType,
      @RequestParam(required = false) UUID region,
      @RequestParam(required = false) UUID municipality,
      @RequestParam(required = false) ProviderType providerType,
      @RequestParam(required = false) Double lat,
      @RequestParam(required = false) Double lon,
      @RequestParam(required = false) Double radiusKm,
      @Parameter(
              description =
                  "An address or place name; distance is measured from the centre of the"
                      + " settlement, municipality or region it names. Ignored with lat and lon.")
          @RequestParam(required = false)
          String address,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    PublicRegister.Near near =
        register.origin(address, lat, lon, radiusKm).map(PublicRegister.Origin::near).orElse(null);
    return register.search(serviceType, region, municipality, providerType, near, page, size);
  }

  @PostMapping(path = "/api/v1/register/import", consumes = "text/csv")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  @Operation(summary = "Import an existing register into a region from CSV; all or nothing")
  ResponseEntity<ImportReport> importCsv(@RequestParam UUID regionId, @RequestBody String csv) {
    ImportReport report = importer.importCsv(csv, regionId);
    return ResponseEntity.status(
            report.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
        .body(report);
  }

  @GetMapping("/api/v1/providers/{id}")
  @Operation(summary = "A registered provider's public record")
  PublicRegister.ProviderPage provider(@PathVariable UUID id) {
    return register.provider(id).orElseThrow(() -> new NotFoundException("provider", id));
  }

  @GetMapping("/api/v1/applications")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  @Operation(summary = "Applications the caller's region reviews, the nearest deadline first")
  List<ApplicationSummary> applications(@RequestParam(required = false) ApplicationStatus status) {
    return applications.forReview(status);
  }

  @GetMapping("/api/v1/applications/{id}")
  ResponseEntity<Application> application(@PathVariable UUID id) {
    Application application = applications.get(id);
    return ResponseEntity.ok().eTag(ETags.of(application.version())).body(application);
  }

  @PostMapping("/api/v1/applications/{id}/information-requests")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  ResponseEntity<Application> requestInformation(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody InformationRequest body) {
    Application current = applications.get(id);
    int version = ETags.requireMatch(ifMatch, current.version());
    Application after = applications.requestInformation(id, version, body.note());
    return ResponseEntity.ok().eTag(ETags.of(after.version())).body(after);
  }

  @PostMapping("/api/v1/applications/{id}/decisions")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  @Operation(summary = "Admit or refuse services of a submitted or appealed application")
  ResponseEntity<Application> decide(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody DecisionsBody body) {
    Application current = applications.get(id);
    int version = ETags.requireMatch(ifMatch, current.version());
    Application after =
        applications.decide(
            id,
            version,
            body.decisions().stream()
                .map(d -> new ServiceDecision(d.serviceId(), d.admit(), d.reason(), d.text()))
                .toList());
    return ResponseEntity.ok().eTag(ETags.of(after.version())).body(after);
  }
}
