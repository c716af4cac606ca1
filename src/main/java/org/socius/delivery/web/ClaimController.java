package org.socius.delivery.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.socius.cases.Agreements;
import org.socius.delivery.BankAccount;
import org.socius.delivery.Budgets;
import org.socius.delivery.Claim;
import org.socius.delivery.Claims;
import org.socius.delivery.Payments;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.web.FormErrors;
import org.socius.providers.Provider;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Claims: the regional officer builds a month's claims, reviews each one's lines, rejects some with
 * reasons, records advances and approves; a provider's staff follow their claims and keep the
 * account they are paid to.
 */
@Controller
class ClaimController {

  private final Claims claims;
  private final Payments payments;
  private final Budgets budgets;
  private final Agreements agreements;
  private final MessageSource messages;
  private final Clock clock;

  ClaimController(
      Claims claims,
      Payments payments,
      Budgets budgets,
      Agreements agreements,
      MessageSource messages,
      Clock clock) {
    this.claims = claims;
    this.payments = payments;
    this.budgets = budgets;
    this.agreements = agreements;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/claims")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  String list(@RequestParam(required = false) String month, Model model) {
    UUID region = Claims.officersRegion();
    YearMonth shown = monthOr(month, YearMonth.now(clock).minusMonths(1));
    model.addAttribute("month", shown);
    model.addAttribute("claims", claims.ofRegion(region, shown));
    return "delivery/claims";
  }

  @PostMapping("/claims/build")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  String build(
      @RequestParam String month, Model model, Locale locale, RedirectAttributes redirect) {
    try {
      YearMonth m = monthOr(month, null);
      List<Claim> built = claims.build(Claims.officersRegion(), m, null);
      redirect.addFlashAttribute("flash", "claims.built");
      redirect.addFlashAttribute("builtCount", built.size());
      return "redirect:/claims?month=" + m;
    } catch (InvalidInputException e) {
      model.addAttribute("buildErrors", FormErrors.of(e, messages, locale));
      return list(month, model);
    }
  }

  @GetMapping("/claims/{id}")
  @PreAuthorize("hasAnyRole('REGIONAL_OFFICER', 'PROVIDER_STAFF')")
  String show(@PathVariable UUID id, Model model) {
    Claim claim = claims.get(id);
    List<Claim.Line> lines = claims.lines(id);
    model.addAttribute("claim", claim);
    model.addAttribute("lines", lines);
    // The region's budgets are the officer's to see, not the provider's.
    boolean officer =
        CurrentScope.actor().map(a -> a.roles().contains(Role.REGIONAL_OFFICER)).orElse(false);
    model.addAttribute("draws", officer ? budgets.drawnOnBy(claim, lines) : List.of());
    model.addAttribute("today", LocalDate.now(clock));
    return "delivery/claim";
  }

  @PostMapping("/claims/{id}/lines/{itemId}/rejection")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  String reject(
      @PathVariable UUID id,
      @PathVariable UUID itemId,
      @RequestParam int version,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "claims.lineRejected",
        // Every line has its own reason field.
        field -> field + "-" + itemId,
        () -> claims.rejectLine(id, version, itemId, reason),
        model,
        locale,
        redirect);
  }

  @PostMapping("/claims/{id}/approval")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  String approve(
      @PathVariable UUID id,
      @RequestParam int version,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        "claims.approved",
        java.util.function.UnaryOperator.identity(),
        () -> claims.approve(id, version),
        model,
        locale,
        redirect);
  }

  @PostMapping("/claims/{id}/advances")
  @PreAuthorize("hasRole('REGIONAL_OFFICER')")
  String advance(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String contract,
      @RequestParam(defaultValue = "") String paidOn,
      @RequestParam(defaultValue = "") String amount,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Claim c = claims.get(id);
    return act(
        id,
        "claims.advanceRecorded",
        java.util.function.UnaryOperator.identity(),
        () -> {
          claims.recordAdvance(
              c.regionId(),
              new Claims.NewAdvance(
                  c.providerId(),
                  contract,
                  FormValues.day(paidOn, "paidOn", "DLV-0205"),
                  FormValues.amount(amount, "amount", "DLV-0206")));
          return c;
        },
        model,
        locale,
        redirect);
  }

  @GetMapping("/provider-claims")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  String providerClaims(@RequestParam(required = false) UUID provider, Model model) {
    List<Provider> mine = agreements.myProviders();
    if (mine.isEmpty()) {
      return "providers/none";
    }
    Provider shown =
        mine.stream().filter(p -> p.id().equals(provider)).findFirst().orElse(mine.getFirst());
    model.addAttribute("providers", mine);
    model.addAttribute("provider", shown);
    model.addAttribute("claims", claims.ofProvider(shown.id()));
    if (!model.containsAttribute("account")) {
      model.addAttribute(
          "account",
          payments.payeeAccount(shown.id()).orElse(new BankAccount(shown.legalName(), "", "")));
    }
    return "delivery/provider-claims";
  }

  @PostMapping("/provider-claims/account")
  @PreAuthorize("hasRole('PROVIDER_STAFF')")
  String payeeAccount(
      @RequestParam UUID provider,
      @RequestParam(defaultValue = "") String holder,
      @RequestParam(defaultValue = "") String iban,
      @RequestParam(defaultValue = "") String bic,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    BankAccount typed = BankAccount.typed(holder, iban, bic);
    try {
      payments.setPayeeAccount(provider, typed);
      redirect.addFlashAttribute("flash", "claims.accountSaved");
      return "redirect:/provider-claims?provider=" + provider;
    } catch (InvalidInputException e) {
      model.addAttribute("accountErrors", FormErrors.of(e, messages, locale));
      model.addAttribute("account", typed);
      return providerClaims(provider, model);
    }
  }

  private String act(
      UUID id,
      String flash,
      java.util.function.UnaryOperator<String> fieldIds,
      Supplier<?> action,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      action.get();
      redirect.addFlashAttribute("flash", flash);
      return "redirect:/claims/" + id;
    } catch (InvalidInputException | ConflictException e) {
      model.addAttribute(
          "claimErrors", FormErrors.ofRefusal(e, messages, locale).withFieldIds(fieldIds));
      return show(id, model);
    }
  }

  private static YearMonth monthOr(String text, YearMonth fallback) {
    if (text == null || text.isBlank()) {
      if (fallback == null) {
        throw new InvalidInputException(List.of(Finding.of("month", "DLV-0201", "")));
      }
      return fallback;
    }
    try {
      return YearMonth.parse(text.trim());
    } catch (DateTimeParseException e) {
      if (fallback == null) {
        throw new InvalidInputException(List.of(Finding.of("month", "DLV-0208", text)));
      }
      return fallback;
    }
  }
}
