package org.socius.providers;

import java.util.UUID;
import org.socius.providers.ProviderKinds.ProviderType;

/** What a new provider gives to open an account and start applying to the register. */
public record ProviderSignUp(
    String legalName,
    ProviderType type,
    UUID regionId,
    String contactName,
    String username,
    String email,
    String password) {}
