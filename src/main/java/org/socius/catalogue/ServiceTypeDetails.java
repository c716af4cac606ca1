package org.socius.catalogue;

import java.util.Set;
import org.socius.catalogue.Classification.BeneficiaryCategory;
import org.socius.catalogue.Classification.DeliveryForm;
import org.socius.catalogue.Classification.Place;
import org.socius.catalogue.Classification.Purpose;
import org.socius.catalogue.Classification.Regime;

/** What the ministry enters for a service type. */
public record ServiceTypeDetails(
    String code,
    String name,
    String description,
    Purpose purpose,
    Set<BeneficiaryCategory> beneficiaryCategories,
    Regime regime,
    Set<Place> places,
    DeliveryForm deliveryForm,
    boolean active) {}
