package io.marketops.metrics;

import java.util.List;

/**
 * Paths ready for a Sankey chart: node names are {@code "<step> · <event>"} (step 0 is the anchor)
 * so the graph has no cycles; link values are people.
 *
 * @param people   people with the anchor event in the range
 * @param topPaths the most common complete paths (after the anchor, or before it read backwards)
 */
public record PathResult(String event, String direction, long people, List<Node> nodes, List<Link> links, List<Path> topPaths) {

    public record Node(String name, int step, String event, long people) {
    }

    public record Link(String source, String target, long value) {
    }

    public record Path(List<String> events, long people) {
    }
}
