package dev.erpgraph.sandbox.businesscentral;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.ODataFilter;
import dev.erpgraph.sandbox.businesscentral.BusinessCentralSandboxEntities.EntitySet;
import dev.erpgraph.sandbox.businesscentral.BusinessCentralSandboxEntities.Row;

/**
 * A parsed {@code $filter}, {@code $expand} (with nested {@code $select}) and
 * {@code $select}.
 */
record BusinessCentralQuery(FilterExpression filter, Map<String, Set<String>> expand, Set<String> select) {

    static BusinessCentralQuery parse(EntitySet set, String filter, String expand, String select) {
        FilterExpression expression = filter == null || filter.isBlank() ? null
                : ODataFilter.parse(filter, untyped(set.properties()), BusinessCentralFilterDialect.INSTANCE);
        Map<String, Set<String>> expansions = new LinkedHashMap<>();
        if (expand != null && !expand.isBlank()) {
            for (String item : splitTopLevel(expand)) {
                String name = item.contains("(") ? item.substring(0, item.indexOf('(')).trim() : item.trim();
                Set<String> navigationProperties = set.navigations().get(name);
                if (navigationProperties == null) {
                    throw notAProperty(name, set.name());
                }
                Set<String> nestedSelect = null;
                if (item.contains("(")) {
                    if (!item.endsWith(")")) {
                        throw new BusinessCentralError(400, "BadRequest", "Syntax error in $expand '" + expand + "'.");
                    }
                    String options = item.substring(item.indexOf('(') + 1, item.length() - 1).trim();
                    if (!options.startsWith("$select=")) {
                        throw new BusinessCentralError(400, "BadRequest", "Only $select is supported"
                                + " inside $expand by this sandbox, was '" + options + "'.");
                    }
                    nestedSelect = selection(options.substring("$select=".length()), navigationProperties, name);
                }
                expansions.put(name, nestedSelect);
            }
        }
        Set<String> selection = select == null || select.isBlank() ? null
                : selection(select, set.properties(), set.name());
        return new BusinessCentralQuery(expression, expansions, selection);
    }

    boolean matches(Row row) {
        return filter == null || filter.test(row.fields());
    }

    /**
     * The row as served: selected fields (always with its etag) and the expanded
     * navigations.
     */
    Map<String, Object> shape(Row row) {
        Map<String, Object> shaped = project(row.fields(), select);
        expand.forEach((name, nestedSelect) -> {
            Object value = row.navigations().get(name).get();
            if (value instanceof List<?> list) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (Object item : list) {
                    items.add(project(cast(item), nestedSelect));
                }
                shaped.put(name, items);
            }
            else {
                shaped.put(name, value == null ? null : project(cast(value), nestedSelect));
            }
        });
        return shaped;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> project(Map<String, Object> fields, Set<String> select) {
        Map<String, Object> projected = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (select == null || select.contains(name) || name.equals("@odata.etag")) {
                projected.put(name, value);
            }
        });
        return projected;
    }

    private static Set<String> selection(String select, Set<String> properties, String type) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : select.split(",")) {
            String trimmed = name.trim();
            if (!properties.contains(trimmed)) {
                throw notAProperty(trimmed, type);
            }
            names.add(trimmed);
        }
        return names;
    }

    private static List<String> splitTopLevel(String expand) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expand.length(); i++) {
            char c = expand.charAt(i);
            if (c == '(') {
                depth++;
            }
            else if (c == ')') {
                depth--;
            }
            else if (c == ',' && depth == 0) {
                items.add(expand.substring(start, i));
                start = i + 1;
            }
        }
        items.add(expand.substring(start));
        return items;
    }

    private static BusinessCentralError notAProperty(String name, String type) {
        return new BusinessCentralError(400, "BadRequest",
                "Could not find a property named '" + name + "' on type 'Microsoft.NAV." + type + "'.");
    }

    /** BC's filter judges types when it compares values: its properties are untyped. */
    private static Map<String, Class<?>> untyped(Set<String> properties) {
        Map<String, Class<?>> untyped = new HashMap<>();
        properties.forEach(property -> untyped.put(property, Object.class));
        return untyped;
    }

}
