package dev.erpgraph.ordersubmission;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order outbox in the CRM's database. A worker takes a pending submission by a
 * conditional update that only one of several processes can win (the row is pending, due
 * and not leased, or its lease ran out), so the claim works the same on PostgreSQL and on
 * H2, which has no {@code SKIP LOCKED}. Every later write of the worker names the lease
 * it holds: a worker whose lease was taken over writes nothing.
 */
@Repository
public class OrderSubmissions {

    /** One line of the order as it was submitted. */
    public record Line(int lineNumber, String sku, BigDecimal quantity) {
    }

    /** A submission a worker holds, with its lines. */
    public record Claimed(OrderSubmission submission, List<Line> lines, String leaseOwner) {
    }

    /** What a submit writes. */
    record NewSubmission(long opportunityId, String erpSystemId, String customerNumber, String reference,
            String customerPurchaseOrder, LocalDate requestedDeliveryDate, String submittedBy, int attemptLimit,
            List<Line> lines) {
    }

    private static final String COLUMNS = "id, opportunity_id, erp_system_id, customer_number, reference,"
            + " customer_purchase_order, requested_delivery_date, state, attempts, attempt_limit, erp_order_number,"
            + " submitted_at, last_error, error_code";

    private static final String HELD = " where id = :id and state = 'PENDING' and lease_owner = :owner";

    private final NamedParameterJdbcTemplate jdbc;

    public OrderSubmissions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrderSubmission> findByOpportunity(long opportunityId) {
        return jdbc
            .query("select " + COLUMNS + " from order_submissions where opportunity_id = :id",
                    Map.of("id", opportunityId), OrderSubmissions::submission)
            .stream()
            .findFirst();
    }

    /** The submissions of many opportunities in one statement, by opportunity id. */
    public Map<Long, OrderSubmission> findByOpportunities(Collection<Long> opportunityIds) {
        if (opportunityIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
            .query("select " + COLUMNS + " from order_submissions where opportunity_id in (:ids)",
                    Map.of("ids", opportunityIds), OrderSubmissions::submission)
            .stream()
            .collect(Collectors.toMap(OrderSubmission::opportunityId, Function.identity()));
    }

    /** Writes a pending submission with its lines; part of the submit's transaction. */
    void insert(NewSubmission submission, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into order_submissions (opportunity_id, erp_system_id, customer_number, reference,"
                + " customer_purchase_order, requested_delivery_date, submitted_by, state, attempts, attempt_limit,"
                + " next_attempt_at, created_at, updated_at) values (:opportunityId, :erpSystemId, :customerNumber,"
                + " :reference, :customerPurchaseOrder, :requestedDeliveryDate, :submittedBy, 'PENDING', 0,"
                + " :attemptLimit, :now, :now, :now)",
                new MapSqlParameterSource("opportunityId", submission.opportunityId())
                    .addValue("erpSystemId", submission.erpSystemId())
                    .addValue("customerNumber", submission.customerNumber())
                    .addValue("reference", submission.reference())
                    .addValue("customerPurchaseOrder", submission.customerPurchaseOrder())
                    .addValue("requestedDeliveryDate", submission.requestedDeliveryDate())
                    .addValue("submittedBy", submission.submittedBy())
                    .addValue("attemptLimit", submission.attemptLimit())
                    .addValue("now", at(now)),
                key, new String[] { "id" });
        long id = key.getKey().longValue();
        SqlParameterSource[] lines = submission.lines()
            .stream()
            .map(line -> new MapSqlParameterSource("id", id).addValue("lineNumber", line.lineNumber())
                .addValue("sku", line.sku())
                .addValue("quantity", line.quantity()))
            .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("insert into order_submission_lines (submission_id, line_number, sku, quantity)"
                + " values (:id, :lineNumber, :sku, :quantity)", lines);
    }

    /** Pending submissions due at {@code now} and free to take, oldest due first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.queryForList("select id from order_submissions where state = 'PENDING' and next_attempt_at <= :now"
                + " and (lease_until is null or lease_until < :now) order by next_attempt_at, id" + " fetch first "
                + limit + " rows only", Map.of("now", at(now)), Long.class);
    }

    /**
     * Takes a due submission for {@code owner} until {@code until} and counts the
     * attempt; empty when another worker took it first. The update's condition is checked
     * again under the row's lock, so of two workers only one is answered.
     */
    @Transactional
    public Optional<Claimed> claim(long id, String owner, Instant now, Instant until) {
        int taken = jdbc.update(
                "update order_submissions set lease_owner = :owner, lease_until = :until,"
                        + " attempts = attempts + 1, updated_at = :now where id = :id and state = 'PENDING'"
                        + " and next_attempt_at <= :now and (lease_until is null or lease_until < :now)",
                new MapSqlParameterSource("id", id).addValue("owner", owner)
                    .addValue("until", at(until))
                    .addValue("now", at(now)));
        if (taken == 0) {
            return Optional.empty();
        }
        OrderSubmission submission = jdbc.queryForObject("select " + COLUMNS + " from order_submissions where id = :id",
                Map.of("id", id), OrderSubmissions::submission);
        List<Line> lines = jdbc.query(
                "select line_number, sku, quantity from order_submission_lines where submission_id = :id"
                        + " order by line_number",
                Map.of("id", id), (row, n) -> new Line(row.getInt(1), row.getString(2), row.getBigDecimal(3)));
        return Optional.of(new Claimed(submission, lines, owner));
    }

    /**
     * The ERP holds the order: the submission and its opportunity get its number
     * together. False (and nothing written) when the lease was lost.
     */
    @Transactional
    public boolean submitted(Claimed claimed, String erpOrderNumber, Instant now) {
        OrderSubmission submission = claimed.submission();
        int updated = jdbc.update(
                "update order_submissions set state = 'SUBMITTED', erp_order_number = :number,"
                        + " submitted_at = :now, last_error = null, error_code = null, lease_owner = null,"
                        + " lease_until = null, updated_at = :now" + HELD,
                held(claimed, now).addValue("number", erpOrderNumber));
        if (updated == 0) {
            return false;
        }
        jdbc.update("update opportunities set erp_system_id = :system, erp_order_number = :number where id = :id",
                new MapSqlParameterSource("id", submission.opportunityId()).addValue("system", submission.erpSystemId())
                    .addValue("number", erpOrderNumber));
        return true;
    }

    /** The ERP refused the order: final. False when the lease was lost. */
    public boolean rejected(Claimed claimed, String errorCode, String message, Instant now) {
        return jdbc.update(
                "update order_submissions set state = 'REJECTED', error_code = :code, last_error = :error,"
                        + " lease_owner = null, lease_until = null, updated_at = :now" + HELD,
                held(claimed, now).addValue("code", errorCode).addValue("error", truncated(message))) == 1;
    }

    /**
     * A transient failure: pending again from {@code nextAttemptAt}, or {@code FAILED}
     * when this was its last attempt. False when the lease was lost.
     */
    public boolean failed(Claimed claimed, String errorCode, String message, Instant nextAttemptAt, Instant now) {
        boolean last = claimed.submission().attempts() >= claimed.submission().attemptLimit();
        return jdbc.update(
                "update order_submissions set state = :state, error_code = :code, last_error = :error,"
                        + " next_attempt_at = :next, lease_owner = null, lease_until = null, updated_at = :now" + HELD,
                held(claimed, now).addValue("state", last ? "FAILED" : "PENDING")
                    .addValue("code", errorCode)
                    .addValue("error", truncated(message))
                    .addValue("next", at(nextAttemptAt))) == 1;
    }

    /**
     * A failed submission becomes pending again, with {@code moreAttempts} before it
     * fails again. False when it is not {@code FAILED}.
     */
    boolean retry(long opportunityId, int moreAttempts, Instant now) {
        return jdbc.update(
                "update order_submissions set state = 'PENDING', attempt_limit = attempts + :more,"
                        + " next_attempt_at = :now, updated_at = :now where opportunity_id = :id and state = 'FAILED'",
                new MapSqlParameterSource("id", opportunityId).addValue("more", moreAttempts)
                    .addValue("now", at(now))) == 1;
    }

    private static MapSqlParameterSource held(Claimed claimed, Instant now) {
        return new MapSqlParameterSource("id", claimed.submission().id()).addValue("owner", claimed.leaseOwner())
            .addValue("now", at(now));
    }

    private static String truncated(String message) {
        return message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static OrderSubmission submission(ResultSet row, int n) throws SQLException {
        OffsetDateTime submittedAt = row.getObject("submitted_at", OffsetDateTime.class);
        return new OrderSubmission(row.getLong("id"), row.getLong("opportunity_id"), row.getString("erp_system_id"),
                row.getString("customer_number"), row.getString("reference"), row.getString("customer_purchase_order"),
                row.getObject("requested_delivery_date", LocalDate.class),
                OrderSubmissionState.valueOf(row.getString("state")), row.getInt("attempts"),
                row.getInt("attempt_limit"), row.getString("erp_order_number"),
                submittedAt == null ? null : submittedAt.toInstant(), row.getString("last_error"),
                row.getString("error_code"));
    }

}
