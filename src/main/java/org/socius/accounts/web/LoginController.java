package org.socius.accounts.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; the form itself is processed by Spring Security. */
@Controller
class LoginController {

  @GetMapping("/login")
  String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
    if (error != null) {
      Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      String message = "login.failed";
      if (failure instanceof LockedException) {
        message = "login.locked";
      } else if (failure instanceof DisabledException) {
        message = "login.disabled";
      }
      model.addAttribute("loginError", message);
    }
    return "login";
  }
}
