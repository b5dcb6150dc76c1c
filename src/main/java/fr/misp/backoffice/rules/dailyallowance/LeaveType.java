package fr.misp.backoffice.rules.dailyallowance;

/**
 * Sick-leave types of civil servants and their full-pay then half-pay durations in months (R-AJ-7).
 * CMO for contract staff depends on seniority: not covered here (an input the guide leaves open).
 */
public enum LeaveType {
  /** Congé de maladie ordinaire: 3 months full pay, then 9 months half pay (1 year max). */
  CMO(3, 9, "congé de maladie ordinaire"),
  /** Congé de longue maladie: 1 year full, then 2 years half. */
  CLM(12, 24, "congé de longue maladie"),
  /** Congé de grave maladie (contract staff, more than 3 years' service): 1 year full, 2 years half. */
  CGM(12, 24, "congé de grave maladie"),
  /** Congé de longue durée: 3 years full, then 2 years half. */
  CLD(36, 24, "congé de longue durée");

  private final int fullPayMonths;
  private final int halfPayMonths;
  private final String label;

  LeaveType(int fullPayMonths, int halfPayMonths, String label) {
    this.fullPayMonths = fullPayMonths;
    this.halfPayMonths = halfPayMonths;
    this.label = label;
  }

  public int fullPayMonths() {
    return fullPayMonths;
  }

  public int halfPayMonths() {
    return halfPayMonths;
  }

  public String label() {
    return label;
  }
}
