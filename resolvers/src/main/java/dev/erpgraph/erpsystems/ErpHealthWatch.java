package dev.erpgraph.erpsystems;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.erpgraph.changes.ActiveSubscriptions;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpHealth;
import dev.erpgraph.erp.gateway.ErpSystems;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Subscription.erpHealthChanged}: a system each time its {@code health} moves.
 * Health is the combination of the circuit breaker, the last self-check and the quota
 * watch, each of which changes on its own schedule, so rather than hook into three
 * sources it is looked at in memory every {@link #LOOK_EVERY} (no ERP is asked: it is
 * what {@code ErpSystem.health} answers), by one watcher shared by every subscriber and
 * running only while someone subscribes.
 */
@Controller
class ErpHealthWatch {

    static final String NAME = "erpHealthChanged";

    /** How long a move may go unseen: well under a breaker's shortest open state. */
    static final Duration LOOK_EVERY = Duration.ofMillis(250);

    private final ErpGateway gateway;

    private final ActiveSubscriptions subscriptions;

    private final Flux<ErpSystemView> moves;

    ErpHealthWatch(ErpGateway gateway, ActiveSubscriptions subscriptions) {
        this.gateway = gateway;
        this.subscriptions = subscriptions;
        this.moves = Flux.defer(() -> {
            Map<String, ErpHealth> last = healths();
            return Flux.interval(LOOK_EVERY).onBackpressureDrop().concatMapIterable(tick -> moved(last));
        }).publish().refCount();
    }

    @SubscriptionMapping
    Flux<ErpSystemView> erpHealthChanged() {
        return subscriptions.counted(NAME, moves);
    }

    /** The systems whose health differs from {@code last}, which is updated. */
    private List<ErpSystemView> moved(Map<String, ErpHealth> last) {
        List<ErpSystemView> moved = new ArrayList<>();
        for (ErpSystems.ErpSystem system : gateway.systems().all()) {
            ErpHealth health = gateway.health(system.id());
            if (last.put(system.id(), health) != health) {
                moved.add(ErpSystemController.view(system));
            }
        }
        return moved;
    }

    private Map<String, ErpHealth> healths() {
        Map<String, ErpHealth> healths = new HashMap<>();
        gateway.systems().all().forEach(system -> healths.put(system.id(), gateway.health(system.id())));
        return healths;
    }

}
