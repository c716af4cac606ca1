package org.socius.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.socius.accounts.AccountAdministration;
import org.socius.accounts.internal.ApiTokens;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own account: their details, password and API tokens. */
@Controller
class AccountController {

  private final AccountAdministration administration;
  private final ApiTokens tokens;
  private final MessageSource messages;

  AccountController(
      AccountAdministration administration, ApiTokens tokens, MessageSource messages) {
    this.administration = administration;
    this.tokens = tokens;
    this.messages = messages;
  }

  @GetMapping("/account")
  String account(Model model) {
    UUID id = CurrentScope.actor().orElseThrow().userId();
    model.addAttribute(
        "user",
        administration.findByUsername(CurrentScope.actor().orElseThrow().username()).orElseThrow());
    model.addAttribute("tokens", tokens.list(id));
    return "accounts/account";
  }

  @PostMapping("/account/password")
  String changePassword(
      @RequestParam String currentPassword,
      @RequestParam String newPassword,
      @RequestParam String confirmation,
      HttpServletRequest request,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      administration.changeOwnPassword(
          currentPassword, newPassword, confirmation, request.getSession().getId());
    } catch (InvalidInputException e) {
      model.addAttribute("passwordErrors", FormErrors.of(e, messages, locale));
      return account(model);
    }
    redirect.addFlashAttribute("flash", "account.password.changed");
    return "redirect:/account";
  }

  @PostMapping("/account/tokens")
  String issueToken(
      @RequestParam String name,
      @RequestParam(defaultValue = "90") int validDays,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    UUID id = CurrentScope.actor().orElseThrow().userId();
    try {
      // The secret travels once, in the flash of the redirect: reloading the page makes no twin.
      redirect.addFlashAttribute("issued", tokens.issue(id, name, validDays));
      return "redirect:/account";
    } catch (InvalidInputException e) {
      model.addAttribute("tokenErrors", FormErrors.of(e, messages, locale));
      return account(model);
    }
  }

  @PostMapping("/account/tokens/{tokenId}/revoke")
  String revokeToken(@PathVariable UUID tokenId, RedirectAttributes redirect) {
    tokens.revoke(CurrentScope.actor().orElseThrow().userId(), tokenId);
    redirect.addFlashAttribute("flash", "account.token.revoked");
    return "redirect:/account";
  }
}
