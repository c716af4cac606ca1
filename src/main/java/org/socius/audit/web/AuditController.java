package org.socius.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.socius.audit.internal.AuditEntries;
import org.socius.audit.internal.AuditSearch;
import org.socius.platform.web.ListLinks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's pages: search the log, export it, check it for tampering. */
@Controller
class AuditController {

  private final AuditEntries entries;

  AuditController(AuditEntries entries) {
    this.entries = entries;
  }

  @GetMapping("/audit")
  String search(
      AuditSearch search,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("search", search);
    model.addAttribute("entries", entries.search(search, Math.max(0, page), 50));
    model.addAttribute("listLink", ListLinks.withoutPage(request));
    return ListLinks.isFragmentRequest(request) ? "audit/search :: list" : "audit/search";
  }

  @GetMapping("/audit/export.csv")
  void export(AuditSearch search, HttpServletResponse response) throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    entries.exportCsv(search, out);
  }

  @PostMapping("/audit/verify")
  String verify(HttpServletRequest request, Model model) {
    model.addAttribute("verification", entries.verify());
    AuditSearch everything = AuditSearch.everything();
    model.addAttribute("search", everything);
    model.addAttribute("entries", entries.search(everything, 0, 50));
    model.addAttribute("listLink", "/audit");
    return "audit/search";
  }
}
