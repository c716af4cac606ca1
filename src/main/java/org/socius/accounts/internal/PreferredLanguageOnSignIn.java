package org.socius.accounts.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.socius.platform.security.CurrentScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;

/**
 * After sign-in the UI speaks the user's preferred language, whatever language the sign-in page was
 * shown in; the switch in the header still changes it for the session.
 */
class PreferredLanguageOnSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

  private final Accounts accounts;
  private final LocaleResolver locales;
  private final TransactionTemplate transaction;

  PreferredLanguageOnSignIn(
      Accounts accounts, LocaleResolver locales, TransactionTemplate transaction) {
    this.accounts = accounts;
    this.locales = locales;
    this.transaction = transaction;
    setDefaultTargetUrl("/");
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws ServletException, IOException {
    String language =
        CurrentScope.asSystem(
            () ->
                transaction.execute(
                    status ->
                        accounts
                            .findByUsername(authentication.getName())
                            .map(user -> user.preferredLanguage())
                            .orElse(null)));
    if (language != null) {
      locales.setLocale(request, response, Locale.of(language));
    }
    super.onAuthenticationSuccess(request, response, authentication);
  }
}
