package org.socius.providers;

import org.socius.providers.ProviderKinds.ProviderType;

/** The legal details of a provider as its staff enter them. */
public record ProviderDetails(
    String legalName,
    ProviderType type,
    String registrationNumber,
    String taxId,
    String legalAddress,
    String email,
    String phone,
    String website) {}
