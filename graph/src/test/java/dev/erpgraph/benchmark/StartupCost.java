package dev.erpgraph.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.ErpGraphApplication;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.sandbox.SandboxFaults;
import dev.erpgraph.sandbox.SandboxRegistry;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a start costs, measured on the packaged jar as its own process, the way the image
 * starts it: the time from exec to {@code /actuator/health} UP, then the first
 * account-360 pages (the benchmark's document, 51 accounts, every ERP at 100 ms) against
 * each page's floor. The floors, cursors and the warmed figure come from an in-process
 * server that has served {@link #REFERENCE_PASSES} cold passes first (the sandboxes'
 * request intervals give the round trips only in-process; a page's trips are its own
 * dependent levels, the same in any JVM). Each way of starting is measured {@link #RUNS}
 * times: the image's layered launcher on JDK 17 (as before), and the extracted jar with a
 * class data sharing archive (JDK 17) or an AOT cache (JDK 25, JEP 483/514/515) from a
 * training run. {@code -Dbenchmark.only=startup} runs only this;
 * {@code -Dbenchmark.startupModes=image,cds,aot,jdk25} picks the ways;
 * {@code -Dbenchmark.startupOptions} adds JVM options to every start. Each run's line is
 * preceded by what the start's warm-up logged.
 */
final class StartupCost {

    static final int RUNS = Integer.getInteger("benchmark.startupRuns", 3);

    static final int REFERENCE_PASSES = 5;

    static final Path JDK17 = Path.of(System.getProperty("java.home"));

    static final Path JDK25 = Path.of(System.getProperty("benchmark.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    /** The Dockerfile's JAVA_TOOL_OPTIONS. */
    static final List<String> IMAGE_OPTIONS = List.of("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");

    /**
     * The benchmark's own settings, as in {@link Account360Benchmark#run}: generous
     * limits so the pages measure round trips, not throttling. None of them changes what
     * a start does.
     */
    static final List<String> APP_ARGS = List.of("--erp.timeout=10s", "--erp.resilience.max-concurrent-calls=256",
            "--erp.resilience.limit-for-period=0", "--sandbox.netsuite.concurrency-limit=1000",
            "--graph.security.rate-limit.requests-per-minute=100000000");

    /** How {@code StartupWarmUp}'s log lines begin. */
    private static final String WARM_UP = "Start-up warm-up";

    /**
     * JVM options added to every start of every way, its training run's too
     * ({@code -Dbenchmark.startupOptions="-XX:... -XX:..."}): the JIT and AOT settings
     * tried against the first page are measured with them.
     */
    static final List<String> EXTRA_OPTIONS = Stream
        .of(System.getProperty("benchmark.startupOptions", "").trim().split("\\s+"))
        .filter(option -> !option.isEmpty())
        .toList();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StartupCost() {
    }

    /** The floors of the pages and the warmed server's figures on them. */
    record Reference(List<List<String>> pages, List<Long> floors, long warmedMedian, double warmedRatio) {
    }

    /** One way of starting: its JVM, its layout, its training run (if any). */
    record Mode(String id, String name, Path jdk, boolean layered, List<String> training, List<String> options) {
    }

    static List<Mode> modes() {
        List<Mode> all = List.of(
                new Mode("image", "JDK 17, layered launcher (the image before)", JDK17, true, List.of(), List.of()),
                new Mode("cds", "JDK 17, extracted jar + AppCDS archive", JDK17, false,
                        List.of("-XX:ArchiveClassesAtExit=app.jsa", "-Dspring.context.exit=onRefresh"),
                        List.of("-XX:SharedArchiveFile=app.jsa")),
                new Mode("jdk25", "JDK 25, extracted jar, no cache", JDK25, false, List.of(), List.of()),
                new Mode("aot", "JDK 25, extracted jar + AOT cache (trained on pages)", JDK25, false,
                        List.of("-XX:AOTCacheOutput=app.aot"), List.of("-XX:AOTCache=app.aot")));
        List<String> chosen = List.of(System.getProperty("benchmark.startupModes", "image,cds,jdk25,aot").split(","));
        return all.stream().filter(mode -> chosen.contains(mode.id())).toList();
    }

    static List<String> measure() throws Exception {
        Path jar = packagedJar();
        Reference reference = reference();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
                "startup and the first pages after it (%s as its own process, %d runs each; account-360 page of 51"
                        + " accounts, ERP latency %d ms; floors from a warmed in-process run: first page %d ms, the %d"
                        + " pages' median %d ms; warmed: median %d ms, %.2fx its floor):",
                jar.getFileName(), RUNS, Account360Benchmark.LATENCY_MS, reference.floors().get(0),
                reference.floors().size(), Account360Benchmark.Figures.percentile(reference.floors(), 50),
                reference.warmedMedian(), reference.warmedRatio()));
        for (Mode mode : modes()) {
            Path dir = Files.createTempDirectory("erpgraph-startup-" + mode.id());
            try {
                String training = prepare(mode, jar, dir, reference);
                List<Long> healthy = new ArrayList<>();
                List<Long> first = new ArrayList<>();
                List<Double> firstRatio = new ArrayList<>();
                List<Double> pagesRatio = new ArrayList<>();
                List<String> loads = new ArrayList<>();
                List<String> warmUps = new ArrayList<>();
                for (int run = 0; run < RUNS; run++) {
                    loads.add(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                    Run measured = start(mode, jar, dir, reference, false);
                    healthy.add(measured.healthyMillis());
                    warmUps.addAll(warmUp(dir.resolve("run.log")));
                    first.add(measured.pageMillis().get(0));
                    firstRatio.add((double) measured.pageMillis().get(0) / reference.floors().get(0));
                    List<Double> ratios = new ArrayList<>();
                    for (int i = 0; i < measured.pageMillis().size(); i++) {
                        ratios.add((double) measured.pageMillis().get(i) / reference.floors().get(i));
                    }
                    pagesRatio.add(Account360Benchmark.Figures.median(ratios));
                }
                for (String warmUp : warmUps) {
                    lines.add("    " + warmUp);
                }
                lines.add(String.format(Locale.ROOT,
                        "  %-52s to healthy %s ms; first page %s ms = %s x its floor; first %d pages' median ratio %s"
                                + " (load average %s)%s",
                        mode.name(), healthy, first, ratios(firstRatio), reference.floors().size(), ratios(pagesRatio),
                        loads, training));
            }
            finally {
                delete(dir);
            }
        }
        return lines;
    }

    /**
     * The pages, their floors and the warmed figure, from an in-process server that has
     * served some cold passes.
     */
    static Reference reference() throws Exception {
        try (ConfigurableApplicationContext app = SecurityCost.start(false)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Account360Benchmark.bearer = "Bearer " + DemoTokens.fetch(port, DemoTokens.MANAGER);
            SandboxRegistry sandboxes = app.getBean(SandboxRegistry.class);
            ErpGateway gateway = app.getBean(ErpGateway.class);
            sandboxes.all()
                .forEach(sandbox -> sandbox.faults(SandboxFaults.defaults(Account360Benchmark.LATENCY_MS, 0)));
            List<List<String>> pages = Account360Benchmark.cursors(port).subList(0, Account360Benchmark.COLD_RUNS);
            Runnable emptyCache = () -> Account360Benchmark.evictAll(gateway);
            for (int pass = 0; pass < REFERENCE_PASSES; pass++) {
                Account360Benchmark.measure("warm-up", port, sandboxes, pages, emptyCache);
            }
            Account360Benchmark.Figures warmed = Account360Benchmark.measure("warmed", port, sandboxes, pages,
                    emptyCache);
            List<Long> floors = warmed.trips().stream().map(trips -> trips * Account360Benchmark.LATENCY_MS).toList();
            return new Reference(pages, floors, warmed.median(), warmed.ratio());
        }
    }

    /** What one start measured. */
    record Run(long healthyMillis, List<Long> pageMillis) {
    }

    /**
     * Lays the jar out for the mode and runs its training, if any; says what the training
     * left.
     */
    static String prepare(Mode mode, Path jar, Path dir, Reference reference) throws Exception {
        List<String> extract = new ArrayList<>(List.of(java(mode), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", dir.resolve("app").toString()));
        if (mode.layered()) {
            extract.add("--launcher");
        }
        run(extract, dir);
        if (mode.training().isEmpty()) {
            return "";
        }
        long start = System.nanoTime();
        start(mode, jar, dir, reference, true);
        Path cache = Files.list(dir.resolve("app"))
            .filter(file -> file.toString().endsWith(".jsa") || file.toString().endsWith(".aot"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(mode.name() + ": the training run left no cache"));
        return String.format(Locale.ROOT, "; training run %d s, %s %d MB", (System.nanoTime() - start) / 1_000_000_000,
                cache.getFileName(), Files.size(cache) / 1_000_000);
    }

    /**
     * Starts the application as the mode does, times it to healthy and serves the pages;
     * a training run keeps serving them for a while and stops the JVM (which writes its
     * cache), unless the training stops by itself after the context's refresh.
     */
    static Run start(Mode mode, Path jar, Path dir, Reference reference, boolean training) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java(mode)));
        command.addAll(IMAGE_OPTIONS);
        command.addAll(training ? mode.training() : mode.options());
        command.addAll(EXTRA_OPTIONS);
        if (mode.layered()) {
            command.add("org.springframework.boot.loader.launch.JarLauncher");
        }
        else {
            command.addAll(List.of("-jar", jar.getFileName().toString()));
        }
        command.add("--server.port=" + port);
        command.addAll(APP_ARGS);
        Path log = dir.resolve(training ? "training.log" : "run.log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.resolve("app").toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        try {
            if (training && mode.training().contains("-Dspring.context.exit=onRefresh")) {
                exited(process, log);
                return new Run(0, List.of());
            }
            long healthy = healthy(port, process, log, start);
            Account360Benchmark.bearer = "Bearer " + DemoTokens.fetch(port, DemoTokens.MANAGER);
            for (String system : Account360Benchmark.SYSTEMS) {
                put(port, "/sandbox/" + system + "/_admin/faults",
                        "{\"latencyMs\": " + Account360Benchmark.LATENCY_MS + ", \"latencyJitterMs\": 0}");
            }
            List<Long> millis = new ArrayList<>();
            for (int pass = 0; pass < (training ? 3 : 1); pass++) {
                for (List<String> page : reference.pages()) {
                    long sent = System.nanoTime();
                    String answer = Account360Benchmark.send(port, Account360Benchmark.query(page));
                    millis.add((System.nanoTime() - sent) / 1_000_000);
                    Account360Benchmark.answer(answer, false);
                }
            }
            if (training) {
                process.destroy();
                exited(process, log);
            }
            return new Run(healthy, millis);
        }
        finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static long healthy(int port, Process process, Path log, long start) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(new URI("http://127.0.0.1:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped before it was healthy:\n" + tail(log));
            }
            try {
                HttpResponse<String> answer = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            }
            catch (IOException ex) {
                // Not listening yet.
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not healthy within 120 s:\n" + tail(log));
    }

    private static void exited(Process process, Path log) throws Exception {
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the training run did not stop:\n" + tail(log));
        }
    }

    private static void put(int port, String path, String json) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(new URI("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static void run(List<String> command, Path dir) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("extract.log").toFile())
            .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed:\n" + tail(dir.resolve("extract.log")));
        }
    }

    private static String java(Mode mode) {
        return mode.jdk().resolve("bin/java").toString();
    }

    /**
     * The graph module's packaged jar: the benchmark runs in {@code verify}, after
     * {@code package}.
     */
    static Path packagedJar() throws IOException, URISyntaxException {
        Path target = Path.of(ErpGraphApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .getParent();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches("graph-.*\\.jar"))
                .filter(file -> !file.getFileName().toString().endsWith("-plain.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no graph jar in " + target + ": package first"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What the start's own warm-up logged: how many pages it served, and in how long. */
    private static List<String> warmUp(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(WARM_UP))
                .map(line -> line.substring(line.indexOf(WARM_UP)))
                .toList();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String ratios(List<Double> ratios) {
        return ratios.stream().map(ratio -> String.format(Locale.ROOT, "%.2f", ratio)).toList().toString();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(file -> file.toFile().delete());
        }
    }

}
