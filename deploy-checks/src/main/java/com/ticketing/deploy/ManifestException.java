package com.ticketing.deploy;

/** A manifest or kustomization that cannot be rendered or is not valid; the message names the file or object. */
public class ManifestException extends RuntimeException {
    public ManifestException(String message) {
        super(message);
    }
}
