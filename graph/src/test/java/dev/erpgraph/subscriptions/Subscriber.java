package dev.erpgraph.subscriptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import dev.erpgraph.DemoTokens;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * A test's WebSocket clients of one server: connections signed in as demo clients (the
 * token in {@code connection_init}, as a browser sends it), the values their
 * subscriptions received, and one {@link #close()} that ends them all.
 */
final class Subscriber implements AutoCloseable {

    private final int port;

    private final List<WebSocketGraphQlTester> connections = new ArrayList<>();

    private final List<Disposable> subscriptions = new ArrayList<>();

    Subscriber(int port) {
        this.port = port;
    }

    /** A new connection signed in as the demo client. */
    WebSocketGraphQlTester connect(String clientId) {
        // Fetched here: the interceptor runs on a Netty thread, which must not block.
        return connectWith(DemoTokens.bearer(port, clientId));
    }

    /** A new connection signed in as the demo client with only these scopes. */
    WebSocketGraphQlTester connect(String clientId, String... scopes) {
        return connectWith("Bearer " + DemoTokens.fetch(port, clientId, scopes));
    }

    /** A new connection with this {@code Authorization} header's value. */
    WebSocketGraphQlTester connectWith(String bearer) {
        WebSocketGraphQlTester connection = WebSocketGraphQlTester
            .builder("ws://127.0.0.1:" + port + "/graphql", new ReactorNettyWebSocketClient())
            .interceptor(new WebSocketGraphQlClientInterceptor() {

                @Override
                public Mono<Object> connectionInitPayload() {
                    return Mono.just(Map.of("Authorization", bearer));
                }

            })
            .responseTimeout(Duration.ofSeconds(10))
            .build();
        connections.add(connection);
        return connection;
    }

    /** Subscribes; each value of {@code field} lands in the queue answered. */
    @SuppressWarnings("unchecked")
    BlockingQueue<Map<String, Object>> subscribe(GraphQlTester.Request<?> request, String field) {
        BlockingQueue<Map<String, Object>> values = new LinkedBlockingQueue<>();
        subscriptions.add(request.executeSubscription()
            .toFlux()
            .subscribe(response -> values.add(response.path(field).entity(Map.class).get())));
        return values;
    }

    @Override
    public void close() {
        subscriptions.forEach(Disposable::dispose);
        connections.forEach(connection -> connection.stop().block(Duration.ofSeconds(5)));
    }

}
