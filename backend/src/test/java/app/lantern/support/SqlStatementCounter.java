package app.lantern.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the SQL statements the application sends, so tests can prove that a page costs a constant
 * number of statements, or that a refused request sent none.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatementCounter implements BeanPostProcessor {

    private static final AtomicLong STATEMENTS = new AtomicLong();

    /**
     * The change relay polls the feed in the background while any subscriber (of any earlier test) is
     * attached; its reads are not the request's, so they are not counted.
     */
    private static final String BACKGROUND = "dossier-change-relay";

    /** Statements prepared or created by request threads since the JVM started. */
    public static long count() {
        return STATEMENTS.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    forward(dataSource, (target, method, args) -> {
                        Object result = method.invoke(target, args);
                        return result instanceof Connection connection ? countingConnection(connection) : result;
                    }));
        }
        return bean;
    }

    private static Connection countingConnection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                forward(connection, (target, method, args) -> {
                    String name = method.getName();
                    if ((name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall"))
                            && !BACKGROUND.equals(Thread.currentThread().getName())) {
                        STATEMENTS.incrementAndGet();
                    }
                    return method.invoke(target, args);
                }));
    }

    private interface Forwarder {
        Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Exception;
    }

    private static InvocationHandler forward(Object target, Forwarder forwarder) {
        return (proxy, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return method.invoke(target, args);
            }
            try {
                return forwarder.call(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
