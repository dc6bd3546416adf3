package com.ticketing.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/** How an object is named in messages and matched by patches: apiVersion, kind, namespace, name. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    public static ObjectRef of(JsonNode object) {
        JsonNode meta = object.path("metadata");
        return new ObjectRef(object.path("apiVersion").asText(""), object.path("kind").asText(""),
                meta.path("namespace").asText(""), meta.path("name").asText(""));
    }

    /** The API group: "" for the core group ("v1"). */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public String version() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    @Override
    public String toString() {
        return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name + " (" + apiVersion + ")";
    }
}
