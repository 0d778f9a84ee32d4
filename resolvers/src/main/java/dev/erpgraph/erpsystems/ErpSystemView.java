package dev.erpgraph.erpsystems;

import dev.erpgraph.erp.ErpKind;

/**
 * The schema's {@code ErpSystem}; {@code health} is resolved live by
 * {@link ErpSystemController}.
 */
public record ErpSystemView(String id, ErpKind kind, String name) {
}
