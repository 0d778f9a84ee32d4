package dev.erpgraph.events;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import dev.erpgraph.erp.gateway.ErpEviction;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;

/**
 * Carries cache evictions to every replica. Replicas share nothing but the database, so
 * on PostgreSQL each eviction an ERP event caused here is published with
 * {@code NOTIFY erp_cache_evictions, '<json>'}, and a background thread LISTENs on one
 * dedicated connection and applies the other replicas' evictions (its own, recognised by
 * this instance's id, were applied already). On any other database (the embedded H2 demo
 * is one process) it does nothing.
 *
 * <p>
 * The same channel carries the order outbox's changes (an opportunity id), so that a
 * subscriber to a submission hears of the worker that sent it on another replica.
 * <p>
 * Notifications sent while the listening connection was lost are lost too, so after
 * reconnecting this replica drops its whole cache: one round of misses is cheaper than
 * serving a value an event had voided.
 */
public final class ClusterEvictions implements SmartLifecycle {

    static final String CHANNEL = "erp_cache_evictions";

    /** NOTIFY payloads must stay under 8000 bytes. */
    private static final int MAX_PAYLOAD_BYTES = 7900;

    private static final Logger logger = LoggerFactory.getLogger(ClusterEvictions.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What travels: who sent it, and what: an eviction, or the opportunity whose order
     * submission changed.
     */
    record Message(String origin, ErpEviction eviction, Long orderSubmission) {
    }

    private final DataSource dataSource;

    private final Consumer<ErpEviction> apply;

    private final Runnable evictEverything;

    private final LongConsumer orderSubmissionChanged;

    private final String instanceId;

    private volatile boolean postgres;

    private volatile boolean running;

    private volatile boolean listening;

    private Thread listener;

    /**
     * @param dataSource the application's database; null for none
     * @param apply applies another replica's eviction to this replica's cache
     * @param evictEverything empties this replica's cache (after a lost connection)
     */
    public ClusterEvictions(DataSource dataSource, Consumer<ErpEviction> apply, Runnable evictEverything,
            String instanceId) {
        this(dataSource, apply, evictEverything, opportunityId -> {
        }, instanceId);
    }

    /**
     * @param orderSubmissionChanged hears another replica's order submission changes
     */
    public ClusterEvictions(DataSource dataSource, Consumer<ErpEviction> apply, Runnable evictEverything,
            LongConsumer orderSubmissionChanged, String instanceId) {
        this.dataSource = dataSource;
        this.apply = Objects.requireNonNull(apply);
        this.evictEverything = Objects.requireNonNull(evictEverything);
        this.orderSubmissionChanged = Objects.requireNonNull(orderSubmissionChanged);
        this.instanceId = Objects.requireNonNull(instanceId);
    }

    /** Tells the other replicas; a failure is logged, the eviction here stands. */
    public void publish(List<ErpEviction> evictions) {
        if (!postgres || evictions.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (ErpEviction eviction : evictions) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload(eviction));
                notify.execute();
            }
        }
        catch (SQLException ex) {
            logger.warn("evictions not published to the other replicas (they expire with their TTL): {}",
                    ex.getMessage());
        }
    }

    /** Tells the other replicas that an opportunity's order submission changed here. */
    public void publishOrderSubmissionChanged(long opportunityId) {
        if (!postgres) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, JSON.writeValueAsString(new Message(instanceId, null, opportunityId)));
            notify.execute();
        }
        catch (SQLException ex) {
            logger.warn("an order submission change not published to the other replicas: {}", ex.getMessage());
        }
    }

    public boolean isListening() {
        return listening;
    }

    @Override
    public void start() {
        postgres = dataSource != null && isPostgres();
        running = true;
        if (postgres) {
            listener = new Thread(this::listen, "erp-eviction-listener");
            listener.setDaemon(true);
            listener.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean reconnected = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (reconnected) {
                    evictEverything.run();
                }
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            receive(notification.getParameter());
                        }
                    }
                }
            }
            catch (SQLException ex) {
                listening = false;
                if (!running) {
                    return;
                }
                logger.warn("lost the eviction channel, reconnecting: {}", ex.getMessage());
                reconnected = true;
                pause();
            }
        }
        listening = false;
    }

    private void receive(String payload) {
        try {
            Message message = JSON.readValue(payload, Message.class);
            if (instanceId.equals(message.origin())) {
                return;
            }
            if (message.eviction() != null) {
                apply.accept(message.eviction());
            }
            if (message.orderSubmission() != null) {
                orderSubmissionChanged.accept(message.orderSubmission());
            }
        }
        catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
            logger.warn("ignored an unreadable eviction notification: {}", ex.getMessage());
        }
    }

    private String payload(ErpEviction eviction) {
        String json = JSON.writeValueAsString(new Message(instanceId, eviction, null));
        if (json.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES) {
            return json;
        }
        // Too many keys for one notification: the other replicas drop the resource
        // instead.
        return JSON.writeValueAsString(
                new Message(instanceId, ErpEviction.all(eviction.erpSystemId(), eviction.resource()), null));
    }

    private boolean isPostgres() {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        catch (SQLException ex) {
            logger.warn("cannot tell the database, evictions stay on this replica: {}", ex.getMessage());
            return false;
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

}
