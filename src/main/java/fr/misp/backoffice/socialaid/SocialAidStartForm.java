package fr.misp.backoffice.socialaid;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.platform.engine.ProcessKeys;
import fr.misp.backoffice.platform.security.ApiStartForm;
import fr.misp.backoffice.platform.security.CurrentUser;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * The Tasklist start form of {@code socialAid} is the API's start in another dress: its fields become
 * the API's body, checked by the same constraints and by {@link SocialAidService#start} (member,
 * advisor's agency, limits), which opens the file with the API's business key, as the back office.
 */
@Component
public class SocialAidStartForm extends ApiStartForm<SocialAidRequest> {

  /** The form's amounts, which it keeps as text. */
  static final java.util.Set<String> MONEY_FIELDS = java.util.Set.of(SocialAidVariables.REQUESTED_AMOUNT.name(),
      SocialAidVariables.MONTHLY_RESOURCES.name(), SocialAidVariables.MONTHLY_CHARGES.name());

  private final SocialAidService service;

  public SocialAidStartForm(SocialAidService service, Validator validator, ObjectMapper json) {
    super(SocialAidRequest.class, MONEY_FIELDS, validator, json);
    this.service = service;
  }

  @Override
  public String processKey() {
    return ProcessKeys.SOCIAL_AID;
  }

  @Override
  protected String open(SocialAidRequest request, CurrentUser user) {
    return service.start(request, user).getKey().id();
  }
}
