package io.lodestar.deploy.kubernetes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The schema check of the typed models. fabric8 and Strimzi models do not fail on a field they do not know: they
 * keep it in {@code additionalProperties}. A field name with a typo ({@code readinesProbe}, {@code containerPorts})
 * therefore lands there, and this walk over the parsed object reports every such field with its path.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    /** Paths of the fields the models did not recognise, e.g. {@code spec.template.spec.containers[0].readinesProbe}. */
    static List<String> of(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found);
        return found.stream().distinct().toList();
    }

    private static void walk(Object value, String path, List<String> found) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection) {
            int i = 0;
            for (Object element : (Collection<?>) value) {
                walk(element, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                walk(entry.getValue(), path + "[" + entry.getKey() + "]", found);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.") && !pkg.startsWith("io.strimzi.")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || method.isBridge() || Modifier.isStatic(method.getModifiers())
                    || !method.getName().startsWith("get") || method.getName().equals("getClass")
                    || method.getReturnType().isPrimitive() || method.getReturnType().isEnum()) {
                continue;
            }
            Object child = invoke(method, value);
            String name = Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
            if (method.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map) {
                    for (Object key : ((Map<?, ?>) child).keySet()) {
                        found.add(path.isEmpty() ? key.toString() : path + "." + key);
                    }
                }
            } else {
                walk(child, path.isEmpty() ? name : path + "." + name, found);
            }
        }
    }

    private static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
