package dev.erpgraph.erp.sxe;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.SalesOrder;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sales orders, one customer or one order per call: each customer's order list (paged
 * back by enter date), then rounds of detail reads of the newest candidates every
 * customer still needs, all customers in one fan-out. See {@link SxeConnector}.
 */
record SxeOrders(SxeClient api, SxeFanOut fanOut, SxeOptions options) implements AssembledConnector.OrderReads {

    /** {@code orderno-ordersuf}, as SX.e writes an order's (and its invoice's) number. */
    static final Pattern ORDER_NUMBER = Pattern.compile("([1-9][0-9]{0,8})-([0-9]{2})");

    private static final int MAX_RECORD_LIMIT = 10_000;

    @Override
    public ErpBatch<String, List<SalesOrder>> orders(Set<String> customerNumbers, OrderQuery query) {
        Set<Integer> stages = SxeStageCode.stagesFor(query.statuses());
        Map<String, SxeFanOut.Outcome<List<SxeResponses.OrderRow>>> lists = fanOut
            .each(SxeClient.numericCustomers(customerNumbers), customer -> orderList(customer, query, stages));
        ErpBatch.Builder<String, List<SalesOrder>> batch = new ErpBatch.Builder<>();
        Map<String, Deque<SxeResponses.OrderRow>> candidates = new LinkedHashMap<>();
        Map<String, List<SalesOrder>> found = new LinkedHashMap<>();
        lists.forEach((customer, outcome) -> {
            if (outcome.failed()) {
                batch.failure(customer, outcome.failure());
                return;
            }
            candidates.put(customer,
                    new ArrayDeque<>(outcome.value()
                        .stream()
                        .filter(row -> stages.contains(row.stageCd()))
                        .sorted(SxeResponses.OrderRow.NEWEST_FIRST)
                        .toList()));
            found.put(customer, new ArrayList<>());
        });
        // Rounds of detail reads: the newest candidates each customer still needs, all
        // customers in one fan-out.
        while (true) {
            List<Candidate> round = new ArrayList<>();
            candidates.forEach((customer, rows) -> {
                int needed = query.limit() - found.get(customer).size();
                for (int n = 0; n < needed && !rows.isEmpty(); n++) {
                    round.add(new Candidate(customer, rows.poll()));
                }
            });
            if (round.isEmpty()) {
                break;
            }
            Map<Candidate, SxeFanOut.Outcome<SalesOrder>> details = fanOut.each(round, candidate -> SxeResponses
                .order(candidate.row(), orderDetail(candidate.row().orderNo(), candidate.row().orderSuf()), options));
            details.forEach((candidate, outcome) -> {
                if (!candidates.containsKey(candidate.customer())) {
                    return;
                }
                if (outcome.failed()) {
                    // One order of the customer unreadable: the customer's answer would
                    // be incomplete.
                    candidates.remove(candidate.customer());
                    found.remove(candidate.customer());
                    batch.failure(candidate.customer(), outcome.failure());
                }
                else if (query.matches(outcome.value())) {
                    found.get(candidate.customer()).add(outcome.value());
                }
            });
        }
        // Candidates were taken newest first, round after round, so each list is already
        // in that order.
        found.forEach((customer, orders) -> batch.value(customer, List.copyOf(orders)));
        return SxeFanOut.failWhole(batch.build());
    }

    private record Candidate(String customer, SxeResponses.OrderRow row) {
    }

    private List<SxeResponses.OrderRow> orderList(String customer, OrderQuery query, Set<Integer> stages) {
        Map<String, SxeResponses.OrderRow> seen = new LinkedHashMap<>();
        LocalDate endEnterDate = null;
        int recordLimit = options.recordLimit();
        while (true) {
            ObjectNode request = api.request();
            request.put("customerNumber", Long.parseLong(customer));
            if (!options.transactionTypes().isBlank()) {
                request.put("transactionTypes", options.transactionTypes());
            }
            request.put("startStage", stages.stream().min(Integer::compare).orElseThrow());
            request.put("endStage", stages.stream().max(Integer::compare).orElseThrow());
            if (query.since() != null) {
                request.put("startEnterDate", query.since().toString());
            }
            if (endEnterDate != null) {
                request.put("endEnterDate", endEnterDate.toString());
            }
            request.put("recordLimit", recordLimit);
            SxeClient.Answer answer = api.call("orders", options.operations().orderList(), request);
            if (answer.failed()) {
                throw api.businessFailure("customer " + customer, answer.errorMessage());
            }
            List<SxeResponses.OrderRow> rows = SxeResponses.orderRows(answer.response());
            int added = 0;
            for (SxeResponses.OrderRow row : rows) {
                if (seen.putIfAbsent(row.number(), row) == null) {
                    added++;
                }
            }
            if (!SxeResponses.moreRecordsAvailable(answer.response()) || rows.isEmpty()) {
                return List.copyOf(seen.values());
            }
            if (added == 0) {
                if (recordLimit >= MAX_RECORD_LIMIT) {
                    throw ErpException.badResponse(api.systemId(), "order list paging for customer " + customer
                            + " made no progress at recordLimit " + recordLimit, null);
                }
                recordLimit = Math.min(MAX_RECORD_LIMIT, recordLimit * 2);
            }
            endEnterDate = rows.stream()
                .map(SxeResponses.OrderRow::enterDt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        }
    }

    private SxeResponses.OrderDetail orderDetail(long orderNo, int orderSuf) {
        ObjectNode request = api.request();
        request.put("orderNumber", orderNo);
        request.put("orderSuffix", orderSuf);
        request.put("includeHeaderData", true);
        request.put("includeLineData", true);
        request.put("includeTotalData", false);
        request.put("includeTaxData", false);
        SxeClient.Answer answer = api.call("order-lines", options.operations().singleOrder(), request);
        if (answer.failed()) {
            throw api.businessFailure("order " + SxeResponses.orderNumber(orderNo, orderSuf), answer.errorMessage());
        }
        return SxeResponses.orderDetail(answer.response(), options.currency());
    }

    @Override
    public ErpBatch<String, SalesOrder> byNumber(Set<String> orderNumbers) {
        Map<String, Matcher> valid = new LinkedHashMap<>();
        for (String number : orderNumbers) {
            Matcher matcher = number == null ? null : ORDER_NUMBER.matcher(number);
            if (matcher != null && matcher.matches()) {
                valid.put(number, matcher);
            }
        }
        Map<String, SxeFanOut.Outcome<SalesOrder>> outcomes = fanOut.each(valid.keySet(), number -> {
            Matcher matcher = valid.get(number);
            return SxeResponses.order(number,
                    orderDetail(Long.parseLong(matcher.group(1)), Integer.parseInt(matcher.group(2))), options);
        });
        return SxeFanOut.failWhole(SxeFanOut.collect(outcomes));
    }

}
