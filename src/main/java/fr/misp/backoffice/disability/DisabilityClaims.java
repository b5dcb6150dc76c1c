package fr.misp.backoffice.disability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.misp.backoffice.rules.disability.DisabilityCalculator;
import fr.misp.backoffice.rules.disability.DisabilityCalculator.Resource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of each invalidity claim ({@code disability_claim}), its years and its payments. */
@Repository
public class DisabilityClaims implements fr.misp.backoffice.member.OpenBenefits {

  /** One claim. */
  public record Claim(String businessKey, String memberId, LocalDate startDate, BigDecimal invalidityRate,
      Integer ssCategory, BigDecimal baseSalary, BigDecimal bonuses, BigDecimal costOfLiving, String category,
      LocalDate endDate, String decision, String refusalReason, BigDecimal capitalAmount, Integer evidenceYear) {}

  /** One year's computation. */
  public record Year(int benefitYear, String resourcesJson, BigDecimal guarantee, BigDecimal resources,
      BigDecimal annualBenefit, BigDecimal monthlyBenefit, String outcome, String explanation) {

    /** A year computed by the calculator, kept with its resources and its explanation (steps and warnings). */
    static Year of(ObjectMapper json, int year, List<Resource> resources, DisabilityCalculator.Result result) {
      try {
        return new Year(year, json.writeValueAsString(resources), result.annualGuarantee(), result.deductedResources(),
            result.annualBenefit(), result.monthlyBenefit(), result.outcome().name(),
            json.writeValueAsString(Map.of("steps", result.steps(), "warnings", result.warnings())));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("An invalidity year that cannot be written", e);
      }
    }

    /** The resources a year was computed on. */
    static List<Resource> resources(ObjectMapper json, String resourcesJson) {
      try {
        return json.readValue(resourcesJson, new TypeReference<>() {});
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Unreadable resources of an invalidity year", e);
      }
    }
  }

  /** One period paid ("2027-03" a month, "CAPITAL" the capital). */
  public record Paid(String period, BigDecimal amount) {}

  private static final String COLUMNS = "business_key, member_id, start_date, invalidity_rate, ss_category, base_salary, "
      + "bonuses, cost_of_living, category, end_date, decision, refusal_reason, capital_amount, evidence_year";

  private final JdbcClient jdbc;

  public DisabilityClaims(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void open(String key, String memberId, LocalDate start, BigDecimal rate, Integer category, BigDecimal base,
      BigDecimal bonuses, BigDecimal costOfLiving) {
    jdbc.sql("insert into disability_claim (business_key, member_id, start_date, invalidity_rate, ss_category, "
        + "base_salary, bonuses, cost_of_living, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(key, memberId, start, rate, category, base, bonuses, costOfLiving, LocalDateTime.now()).update();
  }

  void decided(String key, String decision, String category, String reason) {
    jdbc.sql("update disability_claim set decision = ?, category = ?, refusal_reason = ? where business_key = ?")
        .params(decision, category, reason, key).update();
  }

  void ended(String key, LocalDate end) {
    jdbc.sql("update disability_claim set end_date = ? where business_key = ?").params(end, key).update();
  }

  /** The year's evidence recorded: nothing awaited any more. */
  void evidenceRecorded(String key) {
    jdbc.sql("update disability_claim set evidence_year = null where business_key = ?").param(key).update();
  }

  void capital(String key, BigDecimal amount, String source) {
    jdbc.sql("update disability_claim set capital_amount = ?, capital_source = ? where business_key = ?")
        .params(amount, source, key).update();
  }

  /** A year computed: the last computation of the year stands. */
  void year(String key, Year year) {
    jdbc.sql("delete from disability_year where business_key = ? and benefit_year = ?").params(key, year.benefitYear())
        .update();
    jdbc.sql("insert into disability_year (business_key, benefit_year, resources_json, guarantee, resources, "
        + "annual_benefit, monthly_benefit, outcome, explanation) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(key, year.benefitYear(), year.resourcesJson(), year.guarantee(), year.resources(), year.annualBenefit(),
            year.monthlyBenefit(), year.outcome(), year.explanation()).update();
  }

  Optional<Year> yearOf(String key, int benefitYear) {
    return jdbc.sql("select benefit_year, resources_json, guarantee, resources, annual_benefit, monthly_benefit, outcome, "
        + "explanation from disability_year where business_key = ? and benefit_year = ?").params(key, benefitYear)
        .query(Year.class).optional();
  }

  public List<Year> years(String key) {
    return jdbc.sql("select benefit_year, resources_json, guarantee, resources, annual_benefit, monthly_benefit, outcome, "
        + "explanation from disability_year where business_key = ? order by benefit_year").param(key)
        .query(Year.class).list();
  }

  boolean paid(String key, String period, BigDecimal amount) {
    return jdbc.sql("insert into disability_payment (business_key, period, amount, paid_at) select ?, ?, ?, ? "
        + "where not exists (select 1 from disability_payment where business_key = ? and period = ?)")
        .params(key, period, amount, LocalDateTime.now(), key, period).update() == 1;
  }

  public List<Paid> payments(String key) {
    return jdbc.sql("select period, amount from disability_payment where business_key = ? order by paid_at, period")
        .param(key).query(Paid.class).list();
  }

  public Optional<Claim> byBusinessKey(String key) {
    return jdbc.sql("select " + COLUMNS + " from disability_claim where business_key = ?").param(key)
        .query(Claim.class).optional();
  }

  public Optional<Claim> byProcessInstance(String processInstanceId) {
    return jdbc.sql("select c." + COLUMNS.replace(", ", ", c.") + " from disability_claim c join process_request r "
        + "on r.business_key = c.business_key where r.process_instance_id = ?").param(processInstanceId)
        .query(Claim.class).optional();
  }

  @Override
  public String kind() {
    return "DISABILITY_ALLOWANCE";
  }

  @Override
  public List<Benefit> openFor(String memberId) {
    return jdbc.sql("select business_key, start_date from disability_claim where member_id = ? and end_date is null and decision in ('TEMPORARY_BENEFIT', 'SUSPENDED')")
        .param(memberId).query((rs, n) -> new Benefit(kind(), rs.getString(1), rs.getDate(2).toLocalDate())).list();
  }

  @Override
  public int endFor(String memberId, LocalDate end, String reason) {
    return jdbc.sql("update disability_claim set end_date = ? where member_id = ? and start_date <= ? "
        + "and (end_date is null or end_date > ?)").params(end, memberId, end, end).update();
  }
}
