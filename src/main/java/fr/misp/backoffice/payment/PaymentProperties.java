package fr.misp.backoffice.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The insurer's own account, debtor of every transfer ({@code misp.payments.*}). */
@ConfigurationProperties("misp.payments")
public record PaymentProperties(String debtorName, String debtorIban, String debtorBic, String batchCron) {}
