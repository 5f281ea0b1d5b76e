package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Events reach the engine in one place: every kind of event is a permitted record of the sealed
 * {@link SimEvent} (the compiler rejects any other), and each hands itself to its own handler method.
 */
class SimEventDispatchTest {

    @Test
    void everyEventGoesToItsOwnHandlerMethodAndEveryKindHasOne() throws Exception {
        Class<?>[] kinds = SimEvent.class.getPermittedSubclasses();
        assertThat(SimEvent.Handler.class.getDeclaredMethods()).hasSameSizeAs(kinds);
        Set<EventKind> seen = EnumSet.noneOf(EventKind.class);
        for (Class<?> kind : kinds) {
            SimEvent event = instance(kind);
            List<String> called = new ArrayList<>();
            SimEvent.Handler handler = (SimEvent.Handler) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {SimEvent.Handler.class}, (proxy, method, args) -> {
                        called.add(method.getName() + ":" + (args[0] == event));
                        return null;
                    });
            event.applyTo(handler);
            String name = kind.getSimpleName();
            assertThat(called).as(name).containsExactly(Character.toLowerCase(name.charAt(0)) + name.substring(1) + ":true");
            seen.add(event.kind());
        }
        assertThat(seen).as("each event kind has its record").isEqualTo(EnumSet.allOf(EventKind.class));
    }

    private static SimEvent instance(Class<?> kind) throws Exception {
        RecordComponent[] parts = kind.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] values = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = types[i] == long.class ? 1L : types[i] == int.class ? (Object) 0 : "x";
        }
        Constructor<?> c = kind.getDeclaredConstructor(types);
        c.setAccessible(true);
        return (SimEvent) c.newInstance(values);
    }
}
