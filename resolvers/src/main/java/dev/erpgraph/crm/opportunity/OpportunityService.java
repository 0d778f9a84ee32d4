package dev.erpgraph.crm.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.account.AccountRepository;
import dev.erpgraph.crm.errors.InputChecks;
import dev.erpgraph.crm.errors.RecordNotFoundException;
import dev.erpgraph.crm.errors.VersionConflictException;
import dev.erpgraph.crm.opportunity.OpportunityInputs.CreateOpportunityInput;
import dev.erpgraph.crm.opportunity.OpportunityInputs.MoneyInput;
import dev.erpgraph.crm.opportunity.OpportunityInputs.OpportunityLineInput;
import dev.erpgraph.crm.opportunity.OpportunityInputs.UpdateOpportunityInput;
import dev.erpgraph.crm.relay.GlobalId;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opportunity writes: the opportunity and its lines change together in one transaction,
 * after every field has been checked; updates name the version they are based on. A
 * partner principal writes only opportunities of its own accounts.
 */
@Service
class OpportunityService {

    private final OpportunityRepository opportunities;

    private final AccountRepository accounts;

    private final NamedParameterJdbcTemplate jdbc;

    private final OpportunityLineRepository lines;

    OpportunityService(OpportunityRepository opportunities, OpportunityLineRepository lines, AccountRepository accounts,
            NamedParameterJdbcTemplate jdbc) {
        this.opportunities = opportunities;
        this.lines = lines;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Transactional
    Opportunity create(Caller caller, CreateOpportunityInput input) {
        long accountId = GlobalId.decode(input.accountId(), GlobalId.ACCOUNT, "accountId");
        MoneyInput amount = money(input.amount());
        List<OpportunityLineInput> newLines = lines(input.lines());
        Instant now = now();
        Opportunity opportunity = new Opportunity(null, accountId, InputChecks.requiredText(input.name(), "name", 200),
                (input.stage() != null) ? input.stage() : OpportunityStage.PROSPECTING,
                (amount != null) ? amount.amount() : null, (amount != null) ? amount.currency() : null,
                input.closeDate(), InputChecks.percent(input.probability(), "probability"),
                InputChecks.optionalText(input.ownerId(), "ownerId", 100), null, null, now, now, null);
        if (!accounts.existsById(accountId, caller.accountScope())) {
            throw new RecordNotFoundException("No account with this accountId.");
        }
        Opportunity saved = opportunities.save(opportunity);
        insertLines(saved.id(), newLines);
        return saved;
    }

    /** Fields left out (null) stay as they are; given {@code lines} replace all lines. */
    @Transactional
    Opportunity update(Caller caller, UpdateOpportunityInput input) {
        long id = GlobalId.decode(input.id(), GlobalId.OPPORTUNITY, "id");
        Opportunity current = opportunities.findById(id, caller.accountScope())
            .orElseThrow(() -> new RecordNotFoundException("No opportunity with this id."));
        MoneyInput amount = money(input.amount());
        List<OpportunityLineInput> newLines = lines(input.lines());
        Opportunity changed = new Opportunity(id, current.accountId(),
                (input.name() != null) ? InputChecks.requiredText(input.name(), "name", 200) : current.name(),
                (input.stage() != null) ? input.stage() : current.stage(),
                (amount != null) ? amount.amount() : current.amount(),
                (amount != null) ? amount.currency() : current.currency(),
                (input.closeDate() != null) ? input.closeDate() : current.closeDate(),
                (input.probability() != null) ? InputChecks.percent(input.probability(), "probability")
                        : current.probability(),
                (input.ownerId() != null) ? InputChecks.optionalText(input.ownerId(), "ownerId", 100)
                        : current.ownerId(),
                current.erpSystemId(), current.erpOrderNumber(), current.createdAt(), now(), current.version());
        if (!current.version().equals(input.expectedVersion())) {
            throw new VersionConflictException("The opportunity has changed since version " + input.expectedVersion()
                    + "; it is at version " + current.version() + ".");
        }
        Opportunity saved;
        try {
            saved = opportunities.save(changed);
        }
        catch (OptimisticLockingFailureException ex) {
            // Someone else saved between our read and our write.
            throw new VersionConflictException("The opportunity has just been changed by someone else.");
        }
        if (newLines != null) {
            lines.deleteByOpportunityId(id);
            insertLines(id, newLines);
        }
        return saved;
    }

    private static MoneyInput money(MoneyInput input) {
        if (input == null) {
            return null;
        }
        return new MoneyInput(InputChecks.notNegative(input.amount(), "amount.amount"),
                InputChecks.currency(input.currency(), "amount.currency"));
    }

    private static List<OpportunityLineInput> lines(List<OpportunityLineInput> input) {
        if (input == null) {
            return null;
        }
        List<OpportunityLineInput> checked = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            OpportunityLineInput line = input.get(i);
            String field = "lines[" + i + "]";
            BigDecimal quantity = InputChecks.positive(line.quantity(), field + ".quantity");
            checked.add(new OpportunityLineInput(InputChecks.requiredText(line.sku(), field + ".sku", 100), quantity));
        }
        return checked;
    }

    /** One JDBC batch for all lines, numbered from 1 in the order given. */
    private void insertLines(long opportunityId, List<OpportunityLineInput> newLines) {
        if (newLines == null || newLines.isEmpty()) {
            return;
        }
        SqlParameterSource[] batch = new SqlParameterSource[newLines.size()];
        for (int i = 0; i < newLines.size(); i++) {
            batch[i] = new MapSqlParameterSource("opportunityId", opportunityId).addValue("lineNumber", i + 1)
                .addValue("sku", newLines.get(i).sku())
                .addValue("quantity", newLines.get(i).quantity());
        }
        jdbc.batchUpdate("insert into opportunity_lines (opportunity_id, line_number, sku, quantity)"
                + " values (:opportunityId, :lineNumber, :sku, :quantity)", batch);
    }

    /**
     * Truncated to what PostgreSQL stores, so that the answer equals what a later read
     * returns.
     */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

}
