package com.ticketing.common.contracts;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contract samples of common's test jar ({@code contracts/<name>.json}, see contracts/README.md): what a
 * producer's test checks its real output against, and what a consumer's test sends or stubs.
 *
 * <p>Shape means: the same field names at every level (nothing missing, nothing extra), each value of the same
 * JSON type (string, integral number, decimal number, boolean, object, array); null only where the sample's
 * {@code $nullable} allows it; the sample's value itself where {@code $exact} says so.
 */
public final class Contracts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Contracts() {
    }

    /** The sample as it stands (without its {@code $} keys). */
    public static ObjectNode sample(String name) {
        return strip(load(name).deepCopy());
    }

    /**
     * The sample with some values replaced. Each key is a dotted path the sample has ({@code "payload.userId"}), and
     * each value must fit its type: a consumer's test cannot send a field the contract does not have.
     */
    public static ObjectNode sample(String name, Map<String, ?> values) {
        ObjectNode contract = load(name);
        ObjectNode sample = strip(contract.deepCopy());
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            String path = entry.getKey();
            String[] steps = path.split("\\.");
            ObjectNode parent = sample;
            for (int i = 0; i < steps.length - 1; i++) {
                JsonNode next = parent.get(steps[i]);
                if (!(next instanceof ObjectNode object)) {
                    throw new AssertionError(name + " has no object at " + path);
                }
                parent = object;
            }
            String field = steps[steps.length - 1];
            if (!parent.has(field)) {
                throw new AssertionError(name + " has no field " + path + " (the contract's fields: "
                        + fieldNames(parent) + ")");
            }
            JsonNode value = entry.getValue() == null ? NullNode.getInstance() : JSON.valueToTree(entry.getValue());
            List<String> problems = new ArrayList<>();
            compare(parent.get(field), value, path, marked(contract, "$nullable"), Set.of(), problems);
            if (!problems.isEmpty()) {
                throw new AssertionError(name + ": " + String.join("; ", problems));
            }
            parent.set(field, value);
        }
        return sample;
    }

    /** {@link #sample(String, Map)} as JSON text. */
    public static String sampleJson(String name, Map<String, ?> values) {
        return JSON.writeValueAsString(sample(name, values));
    }

    /** {@link #sample(String, Map)} with pairs: {@code "payload.userId", 7L, "eventId", id, ...}. */
    public static ObjectNode sample(String name, Object... pathsAndValues) {
        if (pathsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("paths and values come in pairs");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            values.put((String) pathsAndValues[i], pathsAndValues[i + 1]);
        }
        return sample(name, values);
    }

    /** Fails unless {@code actual} (a JSON tree, JSON text, or any object Jackson writes) has the sample's shape. */
    public static void assertMatches(String name, Object actual) {
        JsonNode tree = actual instanceof JsonNode node ? node
                : actual instanceof String text ? JSON.readTree(text) : JSON.valueToTree(actual);
        ObjectNode contract = load(name);
        List<String> problems = new ArrayList<>();
        compare(strip(contract.deepCopy()), tree, "", marked(contract, "$nullable"), marked(contract, "$exact"), problems);
        if (!problems.isEmpty()) {
            throw new AssertionError("does not match contract " + name + ": " + String.join("; ", problems)
                    + "\n  actual: " + tree);
        }
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, Set<String> nullable, Set<String> exact,
                                List<String> problems) {
        String at = path.isEmpty() ? "(root)" : path;
        if (actual == null || actual.isMissingNode()) {
            problems.add(at + " is missing");
            return;
        }
        if (actual.isNull()) {
            if (!nullable.contains(path)) {
                problems.add(at + " is null");
            }
            return;
        }
        if (!typeOf(expected).equals(typeOf(actual))) {
            problems.add(at + " is " + typeOf(actual) + ", the contract says " + typeOf(expected));
            return;
        }
        if (exact.contains(path) && !expected.equals(actual)) {
            problems.add(at + " is " + actual + ", the contract says " + expected);
        }
        if (expected.isObject()) {
            Set<String> expectedNames = fieldNames(expected);
            Set<String> actualNames = fieldNames(actual);
            for (String name : expectedNames) {
                String child = path.isEmpty() ? name : path + "." + name;
                if (!actualNames.contains(name)) {
                    problems.add(child + " is missing");
                } else {
                    compare(expected.get(name), actual.get(name), child, nullable, exact, problems);
                }
            }
            Set<String> extra = new TreeSet<>(actualNames);
            extra.removeAll(expectedNames);
            for (String name : extra) {
                problems.add((path.isEmpty() ? name : path + "." + name) + " is not in the contract");
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            for (int i = 0; i < actual.size(); i++) {
                compare(expected.get(0), actual.get(i), path + "[" + i + "]", nullable, exact, problems);
            }
        }
    }

    private static String typeOf(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isIntegralNumber()) {
            return "an integral number";
        }
        if (node.isNumber()) {
            return "a decimal number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.getNodeType().toString();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static Set<String> marked(ObjectNode contract, String key) {
        Set<String> paths = new HashSet<>();
        JsonNode list = contract.get(key);
        if (list instanceof ArrayNode array) {
            array.forEach(p -> paths.add(p.asString()));
        }
        return paths;
    }

    private static ObjectNode strip(ObjectNode contract) {
        contract.remove(List.of("$nullable", "$exact"));
        return contract;
    }

    private static ObjectNode load(String name) {
        String resource = "contracts/" + name + ".json";
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no contract sample " + resource);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
