package org.socius.benefits.web;

import java.util.List;
import java.util.Locale;
import org.socius.benefits.Applications;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public board of provisional decisions: no names, no addresses, only a reference, the
 * programme, the municipality, the size of the household and the proposed amount; anyone may object
 * while a notice is open.
 */
@Controller
class NoticeController {

  private final Applications applications;
  private final MessageSource messages;

  NoticeController(Applications applications, MessageSource messages) {
    this.applications = applications;
    this.messages = messages;
  }

  @GetMapping("/notices")
  String notices(Model model) {
    model.addAttribute("notices", applications.openNotices());
    return "benefits/notices";
  }

  @PostMapping("/notices/{reference}/objections")
  String object(
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String text,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      applications.object(reference, text);
      redirect.addFlashAttribute("flash", "notices.received");
      return "redirect:/notices";
    } catch (InvalidInputException | ConflictException | NotFoundException e) {
      model.addAttribute(
          "errors",
          e instanceof NotFoundException
              ? FormErrors.of(List.of(Finding.of("text", "BEN-0219", reference)), messages, locale)
              : FormErrors.ofRefusal(e, messages, locale));
      model.addAttribute("objectedTo", reference);
      model.addAttribute("objectionText", text);
      return notices(model);
    }
  }
}
