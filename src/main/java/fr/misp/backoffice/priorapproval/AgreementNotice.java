package fr.misp.backoffice.priorapproval;

import fr.misp.backoffice.priorapproval.AgreementRegister.Agreement;

/** The words of an agreement, as the member and the claims administrator read them. */
final class AgreementNotice {

  private AgreementNotice() {}

  static String text(Agreement agreement) {
    return "Accord de prise en charge n° " + agreement.agreementNumber() + " : " + careLabel(agreement.careType())
        + ", tarif accordé " + agreement.approvedAmount() + " " + agreement.currency() + ", valable du "
        + agreement.validFrom() + " au " + agreement.validUntil() + ". Les soins sont facturés directement à MGEN "
        + "(dispense d'avance de frais).";
  }

  private static String careLabel(String type) {
    return "MATERNITE".equals(type) ? "maternité" : "hospitalisation";
  }
}
