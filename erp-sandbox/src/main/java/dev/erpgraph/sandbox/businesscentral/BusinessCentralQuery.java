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
 * A parsed {@code $filter}, {@code $expand} (with nested {@code $select}, and a nested
 * {@code $expand} where the navigation's rows have navigations of their own, as a sales
 * order line has its {@code item}; options separated by {@code ;} as in OData v4) and
 * {@code $select}.
 */
record BusinessCentralQuery(FilterExpression filter, Map<String, Expansion> expand, Set<String> select) {

    /**
     * One expanded navigation: its {@code $select} (null: every property) and its own
     * expanded navigations with theirs.
     */
    record Expansion(Set<String> select, Map<String, Set<String>> nested) {
    }

    static BusinessCentralQuery parse(EntitySet set, String filter, String expand, String select) {
        FilterExpression expression = filter == null || filter.isBlank() ? null
                : ODataFilter.parse(filter, untyped(set.properties()), BusinessCentralFilterDialect.INSTANCE);
        Map<String, Expansion> expansions = new LinkedHashMap<>();
        if (expand != null && !expand.isBlank()) {
            for (String item : splitTopLevel(expand, ',')) {
                String name = item.contains("(") ? item.substring(0, item.indexOf('(')).trim() : item.trim();
                Set<String> navigationProperties = set.navigations().get(name);
                if (navigationProperties == null) {
                    throw notAProperty(name, set.name());
                }
                Set<String> nestedSelect = null;
                Map<String, Set<String>> nested = new LinkedHashMap<>();
                Map<String, BusinessCentralSandboxEntities.SubNavigation> subNavigations = set.subNavigations()
                    .getOrDefault(name, Map.of());
                for (String option : options(item, expand)) {
                    if (option.startsWith("$select=")) {
                        nestedSelect = selection(option.substring("$select=".length()), navigationProperties, name);
                    }
                    else if (option.startsWith("$expand=")) {
                        for (String inner : splitTopLevel(option.substring("$expand=".length()), ',')) {
                            String innerName = inner.contains("(") ? inner.substring(0, inner.indexOf('(')).trim()
                                    : inner.trim();
                            BusinessCentralSandboxEntities.SubNavigation sub = subNavigations.get(innerName);
                            if (sub == null) {
                                throw notAProperty(innerName, name);
                            }
                            Set<String> innerSelect = null;
                            for (String innerOption : options(inner, expand)) {
                                if (!innerOption.startsWith("$select=")) {
                                    throw unsupported(innerOption);
                                }
                                innerSelect = selection(innerOption.substring("$select=".length()), sub.properties(),
                                        innerName);
                            }
                            nested.put(innerName, innerSelect);
                        }
                    }
                    else {
                        throw unsupported(option);
                    }
                }
                expansions.put(name, new Expansion(nestedSelect, nested));
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
    Map<String, Object> shape(Row row, EntitySet set) {
        Map<String, Object> shaped = project(row.fields(), select);
        expand.forEach((name, expansion) -> {
            Object value = row.navigations().get(name).get();
            Map<String, BusinessCentralSandboxEntities.SubNavigation> subNavigations = set.subNavigations()
                .getOrDefault(name, Map.of());
            if (value instanceof List<?> list) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (Object item : list) {
                    items.add(shapeNested(cast(item), expansion, subNavigations));
                }
                shaped.put(name, items);
            }
            else {
                shaped.put(name, value == null ? null : shapeNested(cast(value), expansion, subNavigations));
            }
        });
        return shaped;
    }

    private static Map<String, Object> shapeNested(Map<String, Object> fields, Expansion expansion,
            Map<String, BusinessCentralSandboxEntities.SubNavigation> subNavigations) {
        Map<String, Object> shaped = project(fields, expansion.select());
        expansion.nested().forEach((name, select) -> {
            Map<String, Object> target = subNavigations.get(name).resolve().apply(fields);
            shaped.put(name, target == null ? null : project(target, select));
        });
        return shaped;
    }

    /** The {@code ;}-separated options inside an expansion's parentheses, if any. */
    private static List<String> options(String item, String expand) {
        if (!item.contains("(")) {
            return List.of();
        }
        if (!item.trim().endsWith(")")) {
            throw new BusinessCentralError(400, "BadRequest", "Syntax error in $expand '" + expand + "'.");
        }
        String options = item.substring(item.indexOf('(') + 1, item.trim().length() - 1).trim();
        return splitTopLevel(options, ';').stream().map(String::trim).toList();
    }

    private static BusinessCentralError unsupported(String option) {
        return new BusinessCentralError(400, "BadRequest",
                "Only $select and $expand are supported inside $expand by this sandbox, was '" + option + "'.");
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

    private static List<String> splitTopLevel(String expand, char separator) {
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
            else if (c == separator && depth == 0) {
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
