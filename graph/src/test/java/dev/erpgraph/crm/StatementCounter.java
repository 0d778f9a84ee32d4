package dev.erpgraph.crm;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application prepares, by wrapping the DataSource (and
 * each Connection it hands out) in a JDK proxy. No dependency needed; it proves the
 * absence of N+1 loads. The access log's inserts are not counted: they are written off
 * the request path, in batches that mix requests, whenever the writer gets to them. Nor
 * is what the order submission worker runs on its own threads: it polls the outbox
 * whatever the requests do.
 */
public class StatementCounter implements BeanPostProcessor {

    private static final String ACCESS_LOG_INSERT = "insert into access_log ";

    private static final String ORDER_SUBMISSION_THREADS = "order-submission-";

    private final List<String> statements = new CopyOnWriteArrayList<>();

    public void reset() {
        statements.clear();
    }

    /**
     * The statements prepared since the last {@link #reset()}, as SQL (or the method
     * name, if none).
     */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(method, target, args);
                return (result instanceof Connection connection) ? countingConnection(connection) : result;
            });
        }
        return bean;
    }

    private Connection countingConnection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
                String statement = (args != null && args.length > 0) ? String.valueOf(args[0]) : name;
                if (!statement.startsWith(ACCESS_LOG_INSERT)
                        && !Thread.currentThread().getName().startsWith(ORDER_SUBMISSION_THREADS)) {
                    statements.add(statement);
                }
            }
            return invoke(method, target, args);
        });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getTargetException();
        }
    }

    @FunctionalInterface
    private interface Handler<T> {

        Object handle(T target, Method method, Object[] args) throws Throwable;

    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, invocation);
    }

}
