package fr.misp.backoffice.socialaid;

import fr.misp.backoffice.rules.Parameters;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.stereotype.Component;

/**
 * Who receives an aid and its letters (RULES §6 Decision): the member, or for an orphan allowance the
 * orphan when of age on the day of the payment, else the legal representative recorded on the file —
 * never the deceased member.
 */
@Component
public class AllowancePayees {

  /** The person paid and written to, and the person the payment is made for when it is not them. */
  public record Addressee(String name, String onBehalfOf) {}

  static final String AGE_OF_MAJORITY = "P-AGE-OF-MAJORITY";

  private final Parameters parameters;
  private final SocialAidFiles files;

  public AllowancePayees(Parameters parameters, SocialAidFiles files) {
    this.parameters = parameters;
    this.files = files;
  }

  /** Under P-AGE-OF-MAJORITY (Code civil art. 414) on {@code day}. */
  public boolean minor(LocalDate birthDate, LocalDate day) {
    int majority = parameters.require(AGE_OF_MAJORITY, day, "birthDate").value().intValueExact();
    return Period.between(birthDate, day).getYears() < majority;
  }

  /**
   * The addressee of a file on {@code day}: null when the aid is the member's own (notices go to the member).
   *
   * @throws IllegalStateException when a minor's file has no representative (the intake refuses such files)
   */
  public Addressee of(String businessKey, LocalDate day) {
    return files.beneficiaryOf(businessKey).map(b -> {
      if (b.birthDate() == null || !minor(b.birthDate(), day)) {
        return new Addressee(b.name(), null);
      }
      if (b.legalRepresentative() == null) {
        throw new IllegalStateException("A minor's allowance file has no legal representative: " + businessKey);
      }
      return new Addressee(b.legalRepresentative(), b.name());
    }).orElse(null);
  }
}
