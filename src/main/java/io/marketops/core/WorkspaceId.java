package io.marketops.core;

/** Identifies a workspace (a brand). Every fact and entity belongs to exactly one. */
public record WorkspaceId(@com.fasterxml.jackson.annotation.JsonValue long value) {
    public WorkspaceId {
        if (value <= 0) throw new IllegalArgumentException("workspace id must be positive, was " + value);
    }

    public static WorkspaceId of(long value) {
        return new WorkspaceId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
