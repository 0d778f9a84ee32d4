package dev.erpgraph.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.erpgraph.sandbox.DistributorDataSet.Customer;
import dev.erpgraph.sandbox.DistributorDataSet.Order;

/**
 * The shipments and invoices the data set's orders have had, derived from each order
 * alone (its sequence, dates, status and shipped quantities), so that every sandbox
 * renders the same documents in its own wire format, a change of an order's status moves
 * its documents with it, and the seeded data set needs no second random stream.
 * <ul>
 * <li>An order with anything shipped (partially shipped, shipped, invoiced) has one
 * shipment of its lines' shipped quantities, one to four days after the order date (never
 * after {@link DistributorDataSet#AS_OF}); it is still being picked (not goods-issued)
 * when that day is {@code AS_OF} or the day before. Carrier and tracking number are
 * chosen by the sequence.</li>
 * <li>An invoiced order has one invoice for its total, the day after its shipment, due
 * after the customer's payment terms' days. Invoices due more than 30 days before
 * {@code AS_OF} are paid; of the others, one in four is open in full, one in four half
 * paid, the rest paid.</li>
 * </ul>
 */
public final class OrderDocuments {

    private static final String[] CARRIERS = { "UPS", "FedEx", "R+L Carriers", "Estes" };

    private OrderDocuments() {
    }

    /** A shipped line: the order line's number, its sku and the quantity shipped. */
    public record ShippedLine(int orderLineNumber, String sku, String description, BigDecimal quantity) {
    }

    /**
     * The one shipment of an order; its number is the order's sequence in each ERP's own
     * form.
     */
    public record Shipment(Order order, LocalDate shipDate, boolean goodsIssued, String carrier, String trackingNumber,
            List<ShippedLine> lines) {
    }

    /** The one invoice of an order. */
    public record Invoice(Order order, LocalDate invoiceDate, LocalDate dueDate, BigDecimal total,
            BigDecimal remaining) {

        public boolean paid() {
            return remaining.signum() == 0;
        }
    }

    /** The order's shipment, if anything of it has shipped. */
    public static Optional<Shipment> shipment(Order order) {
        List<ShippedLine> lines = new ArrayList<>();
        order.lines()
            .stream()
            .filter(line -> line.shippedQuantity().signum() > 0)
            .forEach(line -> lines
                .add(new ShippedLine(line.lineNumber(), line.sku(), line.description(), line.shippedQuantity())));
        if (lines.isEmpty() || order.status() == OrderStatus.CANCELLED) {
            return Optional.empty();
        }
        LocalDate shipDate = order.orderDate().plusDays(1 + order.sequence() % 4);
        if (shipDate.isAfter(DistributorDataSet.AS_OF)) {
            shipDate = DistributorDataSet.AS_OF;
        }
        boolean goodsIssued = shipDate.isBefore(DistributorDataSet.AS_OF.minusDays(1));
        String carrier = CARRIERS[order.sequence() % CARRIERS.length];
        String tracking = goodsIssued ? trackingNumber(carrier, order.sequence()) : null;
        return Optional.of(new Shipment(order, shipDate, goodsIssued, goodsIssued ? carrier : null, tracking, lines));
    }

    /** The order's invoice, if it is invoiced. */
    public static Optional<Invoice> invoice(Order order, Customer customer) {
        if (order.status() != OrderStatus.INVOICED) {
            return Optional.empty();
        }
        LocalDate shipped = shipment(order).map(Shipment::shipDate).orElse(order.orderDate());
        LocalDate invoiceDate = shipped.plusDays(1).isAfter(DistributorDataSet.AS_OF) ? DistributorDataSet.AS_OF
                : shipped.plusDays(1);
        LocalDate dueDate = invoiceDate.plusDays(termsDays(customer.paymentTerms()));
        BigDecimal total = order.total();
        BigDecimal remaining;
        if (dueDate.isBefore(DistributorDataSet.AS_OF.minusDays(30))) {
            remaining = BigDecimal.ZERO.setScale(2);
        }
        else {
            remaining = switch (order.sequence() % 4) {
                case 0 -> total;
                case 1 -> total.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
                default -> BigDecimal.ZERO.setScale(2);
            };
        }
        return Optional.of(new Invoice(order, invoiceDate, dueDate, total, remaining));
    }

    /**
     * Days of payment terms such as {@code NET30} or {@code 2%10NET45}: the last number;
     * 30 without one.
     */
    static int termsDays(String terms) {
        if (terms == null) {
            return 30;
        }
        String digits = terms.replaceAll("^.*?(\\d+)\\D*$", "$1");
        return digits.chars().allMatch(Character::isDigit) && !digits.isEmpty() ? Integer.parseInt(digits) : 30;
    }

    private static String trackingNumber(String carrier, int sequence) {
        return switch (carrier) {
            case "UPS" -> "1Z9X4%08dA".formatted(sequence * 7919 % 100_000_000);
            case "FedEx" -> "7%011d".formatted(sequence * 104_729L % 100_000_000_000L);
            default -> "PRO%09d".formatted(sequence * 15_485_863L % 1_000_000_000L);
        };
    }

}
