package dev.erpgraph.credit;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.Freshness;

/**
 * The schema's {@code CreditStatus}: the ERP's credit position with where it came from.
 */
public record CreditStatusView(Money creditLimit, Money balance, Money available, boolean onHold, String paymentTerms,
        Freshness freshness) {

    static CreditStatusView of(ErpOutcome<CreditStatus> outcome) {
        CreditStatus credit = outcome.value();
        return new CreditStatusView(credit.creditLimit(), credit.balance(), credit.available(), credit.onHold(),
                credit.paymentTerms(), outcome.freshness());
    }
}
