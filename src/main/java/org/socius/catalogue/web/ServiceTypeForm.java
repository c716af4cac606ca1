package org.socius.catalogue.web;

import java.util.EnumSet;
import java.util.Set;
import org.socius.catalogue.Classification.BeneficiaryCategory;
import org.socius.catalogue.Classification.DeliveryForm;
import org.socius.catalogue.Classification.Place;
import org.socius.catalogue.Classification.Purpose;
import org.socius.catalogue.Classification.Regime;
import org.socius.catalogue.ServiceType;
import org.socius.catalogue.ServiceTypeDetails;

/** The service type form as the browser posts it. */
public class ServiceTypeForm {

  private String code = "";
  private String name = "";
  private String description = "";
  private Purpose purpose;
  private Set<BeneficiaryCategory> beneficiaryCategories =
      EnumSet.noneOf(BeneficiaryCategory.class);
  private Regime regime;
  private Set<Place> places = EnumSet.noneOf(Place.class);
  private DeliveryForm deliveryForm;
  private boolean active = true;
  private int version;

  static ServiceTypeForm from(ServiceType type) {
    ServiceTypeForm form = new ServiceTypeForm();
    form.code = type.code();
    form.name = type.name();
    form.description = type.description();
    form.purpose = type.purpose();
    form.beneficiaryCategories = EnumSet.copyOf(type.beneficiaryCategories());
    form.regime = type.regime();
    form.places = EnumSet.copyOf(type.places());
    form.deliveryForm = type.deliveryForm();
    form.active = type.active();
    form.version = type.version();
    return form;
  }

  ServiceTypeDetails details() {
    return new ServiceTypeDetails(
        code,
        name,
        description,
        purpose,
        beneficiaryCategories == null ? Set.of() : beneficiaryCategories,
        regime,
        places == null ? Set.of() : places,
        deliveryForm,
        active);
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Purpose getPurpose() {
    return purpose;
  }

  public void setPurpose(Purpose purpose) {
    this.purpose = purpose;
  }

  public Set<BeneficiaryCategory> getBeneficiaryCategories() {
    return beneficiaryCategories;
  }

  public void setBeneficiaryCategories(Set<BeneficiaryCategory> value) {
    this.beneficiaryCategories = value;
  }

  public Regime getRegime() {
    return regime;
  }

  public void setRegime(Regime regime) {
    this.regime = regime;
  }

  public Set<Place> getPlaces() {
    return places;
  }

  public void setPlaces(Set<Place> places) {
    this.places = places;
  }

  public DeliveryForm getDeliveryForm() {
    return deliveryForm;
  }

  public void setDeliveryForm(DeliveryForm deliveryForm) {
    this.deliveryForm = deliveryForm;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }
}
