package org.socius.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.socius.accounts.AccountAdministration;
import org.socius.accounts.Sector;
import org.socius.accounts.UserAccount;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.socius.platform.security.TerritorialScope;
import org.socius.platform.web.FormErrors;
import org.socius.platform.web.ListLinks;
import org.socius.territory.Territories;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's pages for users: list, create, edit, reset password, unlock. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

  private final AccountAdministration administration;
  private final Territories territories;
  private final MessageSource messages;

  UserAdminController(
      AccountAdministration administration, Territories territories, MessageSource messages) {
    this.administration = administration;
    this.territories = territories;
    this.messages = messages;
  }

  @ModelAttribute
  void choices(Model model) {
    TerritorialScope scope = CurrentScope.get();
    model.addAttribute("allRoles", Role.values());
    model.addAttribute("sectors", Sector.values());
    model.addAttribute(
        "scopeLevels",
        List.of(ScopeLevel.NATIONAL, ScopeLevel.REGION, ScopeLevel.MUNICIPALITY).stream()
            .filter(level -> scope.isNationalOrWider() || level != ScopeLevel.NATIONAL)
            .filter(
                level ->
                    scope.level() != ScopeLevel.MUNICIPALITY || level == ScopeLevel.MUNICIPALITY)
            .toList());
    model.addAttribute(
        "regions",
        territories.regions().stream().filter(r -> scope.allows(r.regionId(), null)).toList());
    model.addAttribute(
        "municipalities",
        territories.municipalities().stream()
            .filter(m -> scope.allows(m.regionId(), m.municipalityId()))
            .toList());
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Role role,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("users", administration.search(q, role, Math.max(page, 0), 25));
    model.addAttribute("q", q);
    model.addAttribute("role", role);
    model.addAttribute("places", new Places(territories));
    model.addAttribute("listLink", ListLinks.withoutPage(request));
    return ListLinks.isFragmentRequest(request) ? "accounts/users :: list" : "accounts/users";
  }

  @GetMapping("/new")
  String newUser(Model model) {
    model.addAttribute("form", new UserForm());
    return "accounts/user-form";
  }

  @PostMapping
  String create(
      @ModelAttribute("form") UserForm form,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      UserAccount user = administration.create(form.toDetails(), form.getPassword());
      redirect.addFlashAttribute("flash", "users.created");
      return "redirect:/admin/users/" + user.id();
    } catch (InvalidInputException e) {
      model.addAttribute("errors", FormErrors.of(e, messages, locale));
      return "accounts/user-form";
    }
  }

  @GetMapping("/{id}")
  String edit(@PathVariable UUID id, Model model) {
    UserAccount user = administration.get(id);
    model.addAttribute("user", user);
    model.addAttribute("form", UserForm.from(user));
    return "accounts/user-form";
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable UUID id,
      @ModelAttribute("form") UserForm form,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      administration.update(id, form.getVersion(), form.toDetails());
      redirect.addFlashAttribute("flash", "users.saved");
      return "redirect:/admin/users/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute("errors", FormErrors.ofRefusal(e, messages, locale));
    }
    model.addAttribute("user", administration.get(id));
    return "accounts/user-form";
  }

  @PostMapping("/{id}/password")
  String resetPassword(
      @PathVariable UUID id,
      @RequestParam String password,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      administration.resetPassword(id, password);
      redirect.addFlashAttribute("flash", "users.passwordReset");
      return "redirect:/admin/users/" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("passwordErrors", FormErrors.of(e, messages, locale));
      return edit(id, model);
    }
  }

  @PostMapping("/{id}/unlock")
  String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
    administration.unlock(id);
    redirect.addFlashAttribute("flash", "users.unlocked");
    return "redirect:/admin/users/" + id;
  }

  /** Names of the territories users are scoped to, looked up once per page. */
  static final class Places {
    private final Map<UUID, String> names = new HashMap<>();

    Places(Territories territories) {
      territories.regions().forEach(r -> names.put(r.id(), r.name()));
      territories.municipalities().forEach(m -> names.put(m.id(), m.name()));
    }

    public String of(TerritorialScope scope) {
      return switch (scope.level()) {
        case REGION -> names.getOrDefault(scope.regionId(), "?");
        case MUNICIPALITY -> names.getOrDefault(scope.municipalityId(), "?");
        default -> "";
      };
    }
  }
}
