package org.socius.catalogue;

import java.util.Set;
import java.util.UUID;
import org.socius.catalogue.Classification.BeneficiaryCategory;
import org.socius.catalogue.Classification.DeliveryForm;
import org.socius.catalogue.Classification.Place;
import org.socius.catalogue.Classification.Purpose;
import org.socius.catalogue.Classification.Regime;

/** A kind of social service, as the ministry defines it for the whole country. */
public record ServiceType(
    UUID id,
    String code,
    String name,
    String description,
    Purpose purpose,
    Set<BeneficiaryCategory> beneficiaryCategories,
    Regime regime,
    Set<Place> places,
    DeliveryForm deliveryForm,
    boolean active,
    int version) {}
