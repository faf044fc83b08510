package io.marketops.reports;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A local stand-in for the robots' webhook servers: records every request and answers as told. */
final class RobotServer implements AutoCloseable {
    record Received(String path, URI uri, String body) {
    }

    /** What to answer: HTTP status and JSON body for the n-th request (1-based) of a path. */
    record Answer(int status, String body) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();

    RobotServer(Function<Received, Answer> answers) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Received r = new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(r);
            Answer a = answers.apply(r);
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    long count(String path) {
        return received.stream().filter(r -> r.path().equals(path)).count();
    }

    static Function<Received, Answer> failingFirst(String path, AtomicInteger calls) {
        return r -> r.path().equals(path) && calls.incrementAndGet() == 1 ? new Answer(500, "{}") : new Answer(200, "{\"errcode\":0,\"code\":0}");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
