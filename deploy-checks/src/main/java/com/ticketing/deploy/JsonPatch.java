package com.ticketing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON patch (RFC 6902) operations {@code add}, {@code replace}, {@code remove} with JSON pointers (RFC 6901,
 * {@code -} appends to an array). Other operations ({@code move}, {@code copy}, {@code test}) are refused.
 */
public final class JsonPatch {

    private JsonPatch() {
    }

    public static void apply(ObjectNode target, ArrayNode operations, String source) {
        for (JsonNode op : operations) {
            String kind = op.path("op").asText();
            String path = op.path("path").asText(null);
            if (path == null || !path.startsWith("/")) {
                throw new ManifestException(source + ": JSON patch operation without a path: " + op);
            }
            List<String> tokens = tokens(path);
            JsonNode parent = target;
            for (int i = 0; i < tokens.size() - 1; i++) {
                parent = child(parent, tokens.get(i));
                if (parent == null) {
                    throw new ManifestException(source + ": JSON patch path " + path + " does not exist");
                }
            }
            String last = tokens.get(tokens.size() - 1);
            switch (kind) {
                case "add" -> add(parent, last, value(op, source), path, source);
                case "replace" -> {
                    if (child(parent, last) == null) {
                        throw new ManifestException(source + ": JSON patch replace of a missing value at " + path);
                    }
                    set(parent, last, value(op, source), path, source);
                }
                case "remove" -> remove(parent, last, path, source);
                default -> throw new ManifestException(source + ": JSON patch operation '" + kind + "' is not supported");
            }
        }
    }

    private static JsonNode value(JsonNode op, String source) {
        if (!op.has("value")) {
            throw new ManifestException(source + ": JSON patch operation without a value: " + op);
        }
        return op.get("value").deepCopy();
    }

    private static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        for (String t : pointer.substring(1).split("/", -1)) {
            tokens.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode child(JsonNode node, String token) {
        if (node.isObject()) {
            return node.get(token);
        }
        if (node.isArray() && token.matches("\\d+")) {
            int i = Integer.parseInt(token);
            return i < node.size() ? node.get(i) : null;
        }
        return null;
    }

    private static void add(JsonNode parent, String token, JsonNode value, String path, String source) {
        if (parent.isObject()) {
            ((ObjectNode) parent).set(token, value);
        } else if (parent.isArray()) {
            ArrayNode array = (ArrayNode) parent;
            if (token.equals("-")) {
                array.add(value);
            } else if (token.matches("\\d+") && Integer.parseInt(token) <= array.size()) {
                array.insert(Integer.parseInt(token), value);
            } else {
                throw new ManifestException(source + ": JSON patch add at a bad index: " + path);
            }
        } else {
            throw new ManifestException(source + ": JSON patch add into a scalar: " + path);
        }
    }

    private static void set(JsonNode parent, String token, JsonNode value, String path, String source) {
        if (parent.isObject()) {
            ((ObjectNode) parent).set(token, value);
        } else if (parent.isArray() && token.matches("\\d+")) {
            ((ArrayNode) parent).set(Integer.parseInt(token), value);
        } else {
            throw new ManifestException(source + ": JSON patch replace at a bad path: " + path);
        }
    }

    private static void remove(JsonNode parent, String token, String path, String source) {
        if (child(parent, token) == null) {
            throw new ManifestException(source + ": JSON patch remove of a missing value at " + path);
        }
        if (parent.isObject()) {
            ((ObjectNode) parent).remove(token);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(token));
        }
    }
}
