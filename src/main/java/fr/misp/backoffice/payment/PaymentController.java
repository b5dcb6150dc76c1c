package fr.misp.backoffice.payment;

import fr.misp.backoffice.payment.PaymentOrders.PaymentOrder;
import fr.misp.backoffice.platform.security.AllowedGroups;
import fr.misp.backoffice.platform.security.CurrentUser;
import fr.misp.backoffice.platform.security.Groups;
import fr.misp.backoffice.platform.web.InvalidRequestException;
import fr.misp.backoffice.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gestionnaires' side of payments: orders waiting for approval (four eyes), SEPA batches and their
 * files, and the bank's notifications. An order is named by its SEPA end-to-end id.
 */
@RestController
@RequestMapping("/api")
@AllowedGroups(Groups.MANAGERS)
@Tag(name = "Paiements")
public class PaymentController {

  /** Body of a rejection. */
  public record Rejection(@NotBlank @Size(max = 200) String reason) {}

  /** Body of a bank-details correction. */
  public record Account(@NotBlank @Size(max = 42) String iban, @Size(max = 11) String bic) {}

  static final Set<String> STATUSES = Set.of(PaymentOrders.ORDERED, PaymentOrders.APPROVED, PaymentOrders.SENT,
      PaymentOrders.PAID, PaymentOrders.REJECTED, PaymentOrders.RETURNED);

  private final PaymentOrders orders;
  private final PaymentLifecycle lifecycle;
  private final SepaBatches batches;
  private final BankNotifications notifications;

  public PaymentController(PaymentOrders orders, PaymentLifecycle lifecycle, SepaBatches batches,
      BankNotifications notifications) {
    this.orders = orders;
    this.lifecycle = lifecycle;
    this.batches = batches;
    this.notifications = notifications;
  }

  @GetMapping("/payment-orders")
  @Operation(summary = "Ordres de paiement par statut (ORDERED : à approuver)")
  public List<PaymentOrder> byStatus(@RequestParam(defaultValue = "ORDERED") String status) {
    if (!STATUSES.contains(status)) {
      throw InvalidRequestException.of("status", "unknown_status", "Statut inconnu", "Unknown status");
    }
    return orders.withStatus(status);
  }

  @PostMapping("/payment-orders/{endToEndId}/approval")
  @Operation(summary = "Approuver un ordre (quatre yeux : jamais par la personne qui l'a décidé)")
  public PaymentOrder approve(@PathVariable String endToEndId, HttpServletRequest request) {
    return lifecycle.approve(key(endToEndId), CurrentUser.of(request).id());
  }

  @PostMapping("/payment-orders/{endToEndId}/rejection")
  @Operation(summary = "Rejeter un ordre, avec son motif")
  public PaymentOrder reject(@PathVariable String endToEndId, @Valid @RequestBody Rejection body,
      HttpServletRequest request) {
    return lifecycle.reject(key(endToEndId), CurrentUser.of(request).id(), body.reason().strip());
  }

  @PutMapping("/payment-orders/{endToEndId}/bank-details")
  @Operation(summary = "Compléter ou corriger l'IBAN d'un ordre non approuvé (un autre gestionnaire l'approuvera)")
  public PaymentOrder bankDetails(@PathVariable String endToEndId, @Valid @RequestBody Account body,
      HttpServletRequest request) {
    BankDetails details = BankDetails.of(body.iban(), body.bic()).orElseThrow(() -> InvalidRequestException.of("iban",
        "invalid_iban", "IBAN (ou BIC) invalide", "Invalid IBAN (or BIC)"));
    return lifecycle.bankDetails(key(endToEndId), details, CurrentUser.of(request).id());
  }

  @PostMapping("/payment-batches")
  @Operation(summary = "Regrouper maintenant les ordres approuvés dans un virement SEPA (pain.001.001.09)")
  public ResponseEntity<SepaBatches.Batch> batch(HttpServletRequest request) {
    return batches.create(CurrentUser.of(request).id())
        .map(b -> ResponseEntity.status(201).body(new SepaBatches.Batch(b.id(), b.createdBy(), b.createdAt(),
            b.numberOfOrders(), b.controlSum(), null)))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @GetMapping("/payment-batches")
  @Operation(summary = "Derniers lots envoyés")
  public List<SepaBatches.Batch> recentBatches() {
    return batches.recent();
  }

  @GetMapping("/payment-batches/{id}/file")
  @Operation(summary = "Le fichier pain.001.001.09 d'un lot, à remettre à la banque")
  public ResponseEntity<String> file(@PathVariable String id) {
    SepaBatches.Batch batch = batches.byId(id).orElseThrow(() -> new NotFoundException("Lot inconnu / Unknown batch"));
    return ResponseEntity.ok().contentType(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"" + batch.id() + ".xml\"").body(batch.fileContent());
  }

  @PostMapping(value = "/bank-notifications", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  @Operation(summary = "Lire une notification de la banque (camt.054.001.08) : payés, retournés, inconnus")
  public BankNotifications.Outcome bankNotification(@RequestBody String xml, HttpServletRequest request) {
    if (xml.length() > 5_000_000) {
      throw InvalidRequestException.of("file", "too_large", "Fichier trop volumineux (5 Mo au plus)", "File too large");
    }
    return notifications.read(xml, CurrentUser.of(request).id());
  }

  private String key(String endToEndId) {
    return orders.byEndToEndId(endToEndId).map(PaymentOrder::orderKey).orElseThrow(() ->
        new NotFoundException("Ordre de paiement inconnu / Unknown payment order"));
  }
}
