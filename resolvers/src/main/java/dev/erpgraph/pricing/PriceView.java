package dev.erpgraph.pricing;

import java.math.BigDecimal;
import java.util.List;

import dev.erpgraph.erp.ItemPrice;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.PriceBreak;
import dev.erpgraph.erp.gateway.ErpOutcome;
import dev.erpgraph.erp.gateway.Freshness;

/** The schema's {@code Price}. */
public record PriceView(String sku, BigDecimal quantity, Money unitPrice, Money listPrice, List<PriceBreak> breaks,
        Freshness freshness) {

    static PriceView of(ErpOutcome<ItemPrice> outcome) {
        ItemPrice price = outcome.value();
        return new PriceView(price.sku(), price.quantity(), price.unitPrice(), price.listPrice(), price.breaks(),
                outcome.freshness());
    }
}
