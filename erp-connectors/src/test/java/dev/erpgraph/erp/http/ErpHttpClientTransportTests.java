package dev.erpgraph.erp.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.erpgraph.erp.ErpException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What {@link ErpHttpClient}'s blocking transport promises the gateway, against an ERP
 * that misbehaves at the socket: a request never outlives its timeout, even when the ERP
 * trickles its answer; an interrupt ends it; an order's POST is never sent twice; the
 * ERP's session cookie goes back with the next request.
 */
class ErpHttpClientTransportTests {

    private final RawErp erp = new RawErp();

    private final AtomicInteger trickled = new AtomicInteger();

    @AfterEach
    void stop() throws IOException {
        erp.close();
    }

    @Test
    void anErpThatNeverAnswersTimesOutAtTheTimeout() {
        erp.start(this::neverAnswer);

        assertOrdersTimeOutAfter(Duration.ofMillis(300));
    }

    @Test
    void anAnswerTrickledSlowerThanTheTimeoutIsEndedAtTheTimeout() {
        erp.start(this::trickleAnswer);

        assertOrdersTimeOutAfter(Duration.ofMillis(400));
    }

    @Test
    void anInterruptEndsARequestWaitingForItsAnswer() {
        erp.start(this::neverAnswer);

        assertOrdersEndedByAnInterruptOnce(() -> erp.requests().size() == 1);
    }

    @Test
    void anInterruptEndsARequestReadingATrickledAnswer() {
        erp.start(this::trickleAnswer);

        // Three bytes of the body sent: the client is reading it.
        assertOrdersEndedByAnInterruptOnce(() -> trickled.get() >= 3);
    }

    @Test
    void aPostWhoseConnectionDiesBeforeTheAnswerIsNotSentAgain() {
        // The ERP may have committed the order: sending it again could book it twice.
        erp.start(socket -> {
            erp.readRequest(socket);
            socket.close();
        });
        ErpHttpClient client = client(Duration.ofSeconds(5));

        assertThatExceptionOfType(ErpException.class)
            .isThrownBy(() -> client.post("create-order", "/orders", Map.of("Content-Type", "application/json"),
                    "{\"customer\":\"C1\"}"))
            .satisfies(ex -> assertThat(ex.kind()).isEqualTo(ErpException.Kind.UNAVAILABLE));
        assertThat(erp.requests()).singleElement().asString().startsWith("POST /orders ");
    }

    @Test
    void theErpsSessionCookieGoesBackWithTheNextRequest() {
        erp.start(socket -> {
            String request = erp.readRequest(socket);
            String answer = request.startsWith("GET /csrf ")
                    ? "HTTP/1.1 200 OK\r\nSet-Cookie: SAP_SESSIONID=abc123; Path=/\r\nContent-Length: 2\r\n\r\n{}"
                    : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
            socket.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
            socket.close();
        });
        ErpHttpClient client = client(Duration.ofSeconds(5));

        client.get("csrf-token", "/csrf", Map.of());
        client.get("orders", "/orders", Map.of());

        assertThat(erp.requests()).hasSize(2);
        assertThat(erp.requests().get(1)).contains("\r\nCookie: SAP_SESSIONID=abc123\r\n");
    }

    /** Reads the request and keeps its connection open, unanswered. */
    private void neverAnswer(Socket socket) throws IOException {
        erp.readRequest(socket);
        erp.hold(socket);
    }

    /**
     * Answers 40 bytes, one every 100 ms: each well within the per-read timeout, the
     * whole answer ten times the 400 ms timeout.
     */
    private void trickleAnswer(Socket socket) throws IOException {
        erp.readRequest(socket);
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 40\r\nContent-Type: application/json\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (int i = 0; i < 40; i++) {
            out.write(' ');
            out.flush();
            trickled.incrementAndGet();
            sleepQuietly(100);
        }
    }

    /**
     * A read of orders with a 30 s timeout, on a thread of its own (the interrupt must
     * not reach a shared pool's), interrupted once {@code ready}: it fails as a TIMEOUT
     * within seconds, and its thread stays interrupted.
     */
    private void assertOrdersEndedByAnInterruptOnce(Callable<Boolean> ready) {
        ErpHttpClient client = client(Duration.ofSeconds(30));
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        CompletableFuture<ErpException> failure = new CompletableFuture<>();
        Thread sender = new Thread(() -> {
            try {
                client.get("orders", "/orders", Map.of());
                failure.complete(null);
            }
            catch (ErpException ex) {
                stillInterrupted.set(Thread.currentThread().isInterrupted());
                failure.complete(ex);
            }
        }, "sender");
        sender.start();
        await().atMost(5, TimeUnit.SECONDS).until(ready);

        sender.interrupt();

        ErpException ex = failure.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(ex.kind()).isEqualTo(ErpException.Kind.TIMEOUT);
        assertThat(ex.getMessage()).contains("GET orders interrupted");
        assertThat(stillInterrupted).isTrue();
    }

    /**
     * A read of orders with this timeout fails as a TIMEOUT, no sooner than the timeout
     * and well before the ERP would have answered.
     */
    private void assertOrdersTimeOutAfter(Duration timeout) {
        ErpHttpClient client = client(timeout);
        long started = System.nanoTime();
        assertThatExceptionOfType(ErpException.class).isThrownBy(() -> client.get("orders", "/orders", Map.of()))
            .satisfies(ex -> {
                assertThat(ex.kind()).isEqualTo(ErpException.Kind.TIMEOUT);
                assertThat(ex.getMessage()).contains("GET orders timed out after " + timeout.toMillis() + " ms");
            });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(timeout, Duration.ofMillis(2_000));
    }

    private ErpHttpClient client(Duration timeout) {
        return new ErpHttpClient("erp1", () -> "http://127.0.0.1:" + erp.port(), timeout, new SimpleMeterRegistry());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * An HTTP server written at the socket, one connection at a time, for misbehaving.
     */
    private static final class RawErp implements AutoCloseable {

        private final List<String> requests = new CopyOnWriteArrayList<>();

        private final List<Socket> held = new ArrayList<>();

        private ServerSocket server;

        interface Exchange {

            void serve(Socket socket) throws IOException;

        }

        void start(Exchange exchange) {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            Thread thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        exchange.serve(server.accept());
                    }
                    catch (IOException ex) {
                        // Closed by the test, or the client gave up on this connection.
                    }
                }
            }, "raw-erp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        List<String> requests() {
            return requests;
        }

        /** Reads and records a request's line and headers (not its body). */
        String readRequest(Socket socket) throws IOException {
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder request = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                request.append(line).append("\r\n");
            }
            requests.add(request.toString());
            return request.toString();
        }

        /** Keeps the connection open, unanswered, until the test ends. */
        synchronized void hold(Socket socket) {
            held.add(socket);
        }

        @Override
        public synchronized void close() throws IOException {
            if (server != null) {
                server.close();
            }
            for (Socket socket : held) {
                socket.close();
            }
        }

    }

}
