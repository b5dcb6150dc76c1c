package fr.misp.backoffice.disability;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.security.ApiStartForm;
import fr.misp.backoffice.platform.security.CurrentUser;
import jakarta.validation.Validator;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The Tasklist start form of {@code disabilityAllowance}: the API's start, same checks, same file. */
@Component
public class DisabilityStartForm extends ApiStartForm<DisabilityClaimService.Request> {

  private final DisabilityClaimService service;

  public DisabilityStartForm(DisabilityClaimService service, Validator validator, ObjectMapper json) {
    super(DisabilityClaimService.Request.class, Set.of("invalidityRate", "monthlyBaseSalary", "monthlyBonuses", "monthlyCostOfLivingBonus", "invalidityPension", "oldAgePension", "activityIncome"), validator, json);
    this.service = service;
  }

  @Override
  public String processKey() {
    return ProcessKeys.DISABILITY_ALLOWANCE;
  }

  @Override
  protected String open(DisabilityClaimService.Request request, CurrentUser user) throws Exception {
    return service.start(request, user.id()).getKey().id();
  }

  /** The form asks each resource of the year in its own field; the API takes a list (R-INV-5). */
  @Override
  protected java.util.Map<String, Object> body(java.util.Map<String, Object> values) {
    java.util.Map<String, Object> body = new java.util.HashMap<>(values);
    java.util.List<java.util.Map<String, Object>> resources = new java.util.ArrayList<>();
    for (var field : java.util.Map.of("invalidityPension", "INVALIDITY_PENSION", "oldAgePension", "OLD_AGE_PENSION",
        "activityIncome", "ACTIVITY_INCOME").entrySet()) {
      Object amount = body.remove(field.getKey());
      if (amount != null) {
        resources.add(java.util.Map.of("type", field.getValue(), "annualAmount", amount));
      }
    }
    body.put("resources", resources);
    // The category is a choice of the form (text): the API's number.
    if (body.get("socialSecurityCategory") instanceof String category && category.matches("[1-3]")) {
      body.put("socialSecurityCategory", Integer.valueOf(category));
    }
    return body;
  }
}
