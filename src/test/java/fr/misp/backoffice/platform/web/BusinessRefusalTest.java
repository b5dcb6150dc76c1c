package fr.misp.backoffice.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** What a person reads of a refusal: the French half only, and the field when the message names one. */
class BusinessRefusalTest {

  @Test
  void keepsTheFrenchHalfAndFindsTheField() {
    BusinessRefusal refusal = BusinessRefusal.of("La motivation de la décision est obligatoire / motivation is required");
    assertThat(refusal.message()).isEqualTo("La motivation de la décision est obligatoire");
    assertThat(refusal.field()).isEqualTo("motivation");
  }

  @Test
  void aFieldNamedAtTheEndInParentheses() {
    BusinessRefusal refusal = BusinessRefusal.of("Bénéficiaires à corriger : les parts dépassent 100 % (beneficiaries)");
    assertThat(refusal.message()).isEqualTo("Bénéficiaires à corriger : les parts dépassent 100 %");
    assertThat(refusal.field()).isEqualTo("beneficiaries");
  }

  @Test
  void noFieldWhenTheEnglishHalfNamesNone() {
    BusinessRefusal refusal = BusinessRefusal.of("La nouvelle dotation doit couvrir ce qui est déjà réservé et l'aide "
        + "accordée / the new endowment must cover what is reserved and this aid");
    assertThat(refusal.message()).isEqualTo("La nouvelle dotation doit couvrir ce qui est déjà réservé et l'aide accordée");
    assertThat(refusal.field()).isNull();
  }

  @Test
  void severalProblemsKeepTheirFrenchText() {
    BusinessRefusal refusal = BusinessRefusal.of("Champ non prévu par le formulaire : x / Field not in the form ; "
        + "« Montant » : trop grand");
    assertThat(refusal.message()).isEqualTo("Champ non prévu par le formulaire : x ; « Montant » : trop grand");
    assertThat(refusal.field()).isNull();
  }

  @Test
  void aFrenchSlashIsNotAnEnglishHalf() {
    assertThat(BusinessRefusal.of("Accord / refus à décider").message()).isEqualTo("Accord / refus à décider");
  }

  @Test
  void foundInsideTheEngineWrapping() {
    ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 There was an exception while invoking "
        + "the TaskListener", new ProcessEngineException("Exception while invoking TaskListener",
        new BadUserRequestException("Montant accordé requis et positif / approvedAmount is required")));
    assertThat(BusinessRefusal.in(wrapped)).hasValue(new BusinessRefusal("Montant accordé requis et positif", "approvedAmount"));
    assertThat(BusinessRefusal.in(new ProcessEngineException("ENGINE-03051 boom"))).isEmpty();
  }
}
