package org.socius.providers.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.web.FormErrors;
import org.socius.platform.web.ListLinks;
import org.socius.platform.web.MapProperties;
import org.socius.providers.HsdsExport;
import org.socius.providers.ProviderKinds.ProviderType;
import org.socius.providers.ProviderProfiles;
import org.socius.providers.ProviderSignUp;
import org.socius.providers.PublicRegister;
import org.socius.providers.RegisterStatusChanges;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public face of the register: search, provider pages, and sign-up for new providers. */
@Controller
class PublicRegisterController {

  private final PublicRegister register;
  private final ProviderProfiles profiles;
  private final RegisterLookups lookups;
  private final MessageSource messages;
  private final HsdsExport export;
  private final RegisterStatusChanges statusChanges;
  private final MapProperties map;

  PublicRegisterController(
      PublicRegister register,
      ProviderProfiles profiles,
      RegisterLookups lookups,
      MessageSource messages,
      HsdsExport export,
      RegisterStatusChanges statusChanges,
      MapProperties map) {
    this.map = map;
    this.export = export;
    this.statusChanges = statusChanges;
    this.register = register;
    this.profiles = profiles;
    this.lookups = lookups;
    this.messages = messages;
  }

  @ModelAttribute
  void lookups(Model model) {
    RegisterLookups.Snapshot names = lookups.current();
    model.addAttribute("serviceTypes", names.serviceTypes());
    model.addAttribute("typeNames", names.typeNames());
    model.addAttribute("regions", names.regions());
    model.addAttribute("municipalities", names.municipalities());
    model.addAttribute("places", names.places());
    model.addAttribute("providerTypes", ProviderType.values());
  }

  @GetMapping("/register")
  String search(
      @RequestParam(required = false) UUID serviceType,
      @RequestParam(required = false) UUID region,
      @RequestParam(required = false) UUID municipality,
      @RequestParam(required = false) ProviderType providerType,
      @RequestParam(required = false) Double lat,
      @RequestParam(required = false) Double lon,
      @RequestParam(required = false) Double radiusKm,
      @RequestParam(required = false) String address,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Locale locale,
      Model model) {
    try {
      Optional<PublicRegister.Origin> origin = register.origin(address, lat, lon, radiusKm);
      model.addAttribute(
          "entries",
          register.search(
              serviceType,
              region,
              municipality,
              providerType,
              origin.map(PublicRegister.Origin::near).orElse(null),
              Math.max(0, page),
              25));
      model.addAttribute("measuredFrom", origin.map(PublicRegister.Origin::placeName).orElse(null));
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e, messages, locale));
      model.addAttribute(
          "entries", register.search(serviceType, region, municipality, providerType, null, 0, 25));
    }
    model.addAttribute("lat", lat);
    model.addAttribute("lon", lon);
    model.addAttribute("radiusKm", radiusKm);
    model.addAttribute("address", address);
    model.addAttribute("serviceType", serviceType);
    model.addAttribute("region", region);
    model.addAttribute("municipality", municipality);
    model.addAttribute("providerType", providerType);
    model.addAttribute("listLink", ListLinks.withoutPage(request));
    model.addAttribute(
        "mapUrl",
        request.getContextPath()
            + "/register/map"
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
    return ListLinks.isFragmentRequest(request)
        ? "providers/register :: results"
        : "providers/register";
  }

  /** The register's service points on a map, with the search's filters (but no distance). */
  @GetMapping("/register/map")
  String map(
      @RequestParam(required = false) UUID serviceType,
      @RequestParam(required = false) UUID region,
      @RequestParam(required = false) UUID municipality,
      @RequestParam(required = false) ProviderType providerType,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("serviceType", serviceType);
    model.addAttribute("region", region);
    model.addAttribute("municipality", municipality);
    model.addAttribute("providerType", providerType);
    String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
    model.addAttribute("pointsUrl", request.getContextPath() + "/register/map/points" + query);
    model.addAttribute("listUrl", request.getContextPath() + "/register" + query);
    model.addAttribute("map", map);
    return "providers/register-map";
  }

  /**
   * The map's points as GeoJSON: one feature per service point, with the matching services and what
   * a pop-up shows. Coordinates are longitude, latitude, as GeoJSON orders them.
   */
  @GetMapping(path = "/register/map/points", produces = "application/geo+json")
  @ResponseBody
  Map<String, Object> mapPoints(
      @RequestParam(required = false) UUID serviceType,
      @RequestParam(required = false) UUID region,
      @RequestParam(required = false) UUID municipality,
      @RequestParam(required = false) ProviderType providerType,
      HttpServletRequest request) {
    PublicRegister.MapPoints found =
        register.mapPoints(serviceType, region, municipality, providerType);
    Map<UUID, String> typeNames = lookups.current().typeNames();
    List<Map<String, Object>> features = new ArrayList<>();
    for (PublicRegister.MapPoint point : found.points()) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("name", point.name());
      properties.put("address", point.address());
      properties.put("provider", point.providerName());
      properties.put(
          "providerUrl", request.getContextPath() + "/register/providers/" + point.providerId());
      properties.put(
          "services",
          point.serviceTypeIds().stream().map(t -> typeNames.getOrDefault(t, "")).toList());
      properties.put("freePlaces", point.freePlaces());
      features.add(
          Map.of(
              "type",
              "Feature",
              "id",
              point.servicePointId().toString(),
              "geometry",
              Map.of("type", "Point", "coordinates", List.of(point.longitude(), point.latitude())),
              "properties",
              properties));
    }
    return Map.of(
        "type",
        "FeatureCollection",
        "features",
        features,
        "totalServices",
        found.totalServices(),
        "complete",
        found.complete());
  }

  @GetMapping("/register/export/hsds.json")
  void exportJson(HttpServletResponse response) throws java.io.IOException {
    response.setContentType("application/json;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"register-hsds.json\"");
    export.writeJson(response.getOutputStream());
  }

  @GetMapping("/register/export/hsds-csv.zip")
  void exportCsv(HttpServletResponse response) throws java.io.IOException {
    response.setContentType("application/zip");
    response.setHeader("Content-Disposition", "attachment; filename=\"register-hsds-csv.zip\"");
    export.writeCsvZip(response.getOutputStream());
  }

  @GetMapping("/register/providers/{id}")
  String provider(@PathVariable UUID id, Model model) {
    PublicRegister.ProviderPage page =
        register.provider(id).orElseThrow(() -> new NotFoundException("provider", id));
    model.addAttribute("page", page);
    model.addAttribute("history", statusChanges.history(id));
    if (statusChanges.mayManage(page.provider().regionId())) {
      model.addAttribute("managed", statusChanges.services(id, page.provider().regionId()));
    }
    return "providers/public-provider";
  }

  @PostMapping("/register/services/{serviceId}/status")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'ADMINISTRATOR')")
  String changeStatus(
      @PathVariable UUID serviceId,
      @RequestParam UUID providerId,
      @RequestParam String action,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      switch (action) {
        case "suspend" -> statusChanges.suspend(serviceId, reason);
        case "exclude" -> statusChanges.exclude(serviceId, reason);
        case "reinstate" -> statusChanges.reinstate(serviceId, reason);
        default -> throw InvalidInputException.of("action", "PRV-1403");
      }
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("errors", FormErrors.ofRefusal(e, messages, locale));
      return provider(providerId, model);
    }
    redirect.addFlashAttribute("flash", "register.status.changed");
    return "redirect:/register/providers/" + providerId;
  }

  @GetMapping("/providers/sign-up")
  String signUpForm(Model model) {
    model.addAttribute("form", new SignUpForm());
    return "providers/sign-up";
  }

  @PostMapping("/providers/sign-up")
  String signUp(
      @ModelAttribute("form") SignUpForm form,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      profiles.signUp(
          new ProviderSignUp(
              form.getLegalName(),
              form.getType(),
              form.getRegionId(),
              form.getContactName(),
              form.getUsername(),
              form.getEmail(),
              form.getPassword()));
      redirect.addFlashAttribute("flash", "providers.signedUp");
      return "redirect:/login";
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e, messages, locale));
      return "providers/sign-up";
    }
  }

  /** The sign-up form as the browser posts it. */
  public static class SignUpForm {
    private String legalName = "";
    private ProviderType type;
    private UUID regionId;
    private String contactName = "";
    private String username = "";
    private String email = "";
    private String password = "";

    public String getLegalName() {
      return legalName;
    }

    public void setLegalName(String v) {
      legalName = v;
    }

    public ProviderType getType() {
      return type;
    }

    public void setType(ProviderType v) {
      type = v;
    }

    public UUID getRegionId() {
      return regionId;
    }

    public void setRegionId(UUID v) {
      regionId = v;
    }

    public String getContactName() {
      return contactName;
    }

    public void setContactName(String v) {
      contactName = v;
    }

    public String getUsername() {
      return username;
    }

    public void setUsername(String v) {
      username = v;
    }

    public String getEmail() {
      return email;
    }

    public void setEmail(String v) {
      email = v;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String v) {
      password = v;
    }
  }
}
