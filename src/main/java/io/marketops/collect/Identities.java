package io.marketops.collect;

import io.marketops.core.WorkspaceId;

import java.util.Optional;

/**
 * Identity stitching from {@code identify} and {@code alias} calls (and any event that carries
 * both an anonymousId and a userId). The warehouse holds the graph as the table
 * {@code identities(workspace_id, alias_id, user_id, source, first_seen, last_seen)} — alias_id
 * is an anonymous id or an earlier user id, user_id the person it belongs to (latest wins) —
 * and the view {@code event_people} (every column of {@code events} plus {@code person_id},
 * the stitched person: the user id when known, else the anonymous id). Count people with
 * {@code count(DISTINCT person_id)} on that view. Chains (a→b→c) are flattened when
 * links are written, so one look-up finds the person at the end.
 */
public interface Identities {

    /** The user id an anonymous id (or an earlier user id) was stitched to, if any. */
    Optional<String> userIdOf(WorkspaceId workspace, String aliasId);

    /** The stitched person of an event's ids: the user id when known, else the anonymous id. */
    String personOf(WorkspaceId workspace, String userId, String anonymousId);
}
