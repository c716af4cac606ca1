package org.socius;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Socius: one deployable, a modular monolith; each direct sub-package is a domain module. */
@SpringBootApplication
@Modulithic(systemName = "Socius", sharedModules = "platform")
public class SociusApplication {

  public static void main(String[] args) {
    SpringApplication.run(SociusApplication.class, args);
  }
}
