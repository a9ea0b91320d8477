package org.polisi.site.render;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The composer's records ({@code compose.PageChrome}) as JBake's Freemarker reads them, and as the
 * build cache keys them. JBake wraps a page's values with Freemarker's default wrapper of version
 * 2.3.0, which reads maps and lists but not a record's components; so a record becomes a map of
 * its components by name ({@code crumb.title}), a list a list, an {@code Optional} its value or
 * nothing (a missing key, {@code details??} in a template), an enum its {@code toString()}, and a
 * string stays itself.
 */
final class TemplateValues {
    private TemplateValues() {
    }

    /** {@code value} as maps, lists and strings; null for an empty {@code Optional}. */
    static Object of(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(TemplateValues::of).orElse(null);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(of(item)));
            return items;
        }
        if (value instanceof Enum<?> constant) {
            return constant.toString();
        }
        if (value instanceof Record record) {
            Map<String, Object> components = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    Object read = of(component.getAccessor().invoke(record));
                    if (read != null) {
                        components.put(component.getName(), read);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
                }
            }
            return components;
        }
        return value;
    }

    /**
     * Every name and value of {@code value} as {@link #of} gives it, in order, each list and map
     * preceded by its size: two values give the same parts only if a template sees them alike.
     */
    static List<String> parts(Object value) {
        List<String> parts = new ArrayList<>();
        addParts(of(value), parts);
        return parts;
    }

    private static void addParts(Object value, List<String> parts) {
        if (value instanceof Map<?, ?> map) {
            parts.add("map " + map.size());
            map.forEach((name, item) -> {
                parts.add(String.valueOf(name));
                addParts(item, parts);
            });
        } else if (value instanceof List<?> list) {
            parts.add("list " + list.size());
            list.forEach(item -> addParts(item, parts));
        } else {
            parts.add(String.valueOf(value));
        }
    }
}
