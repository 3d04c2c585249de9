package io.github.babyshopsdk.sync.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Wraps a port (the channel gateway, a host SPI) so that every call first checks the run's lease: a run that
 * lost its lease sends nothing more to Babyshop or the host, even where a flow catches a record's failure
 * and goes on to the next record. {@code Object} methods pass through unchecked.
 */
final class FencedCalls {

    private FencedCalls() {
    }

    /** {@code target} behind a lease check, as {@code type} (an interface). */
    static <T> T guard(Class<T> type, T target, LeaseKeeper keeper) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                keeper.check();
            } else if (method.getName().equals("equals")) {
                return proxy == args[0];
            } else if (method.getName().equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            return invoke(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
