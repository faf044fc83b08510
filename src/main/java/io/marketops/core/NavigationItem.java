package io.marketops.core;

/**
 * A module's entry in the UI navigation. Modules declare these as beans; the layout shows
 * those the current user's permissions allow, ordered by {@code order}.
 *
 * @param messageKey label key in the message bundles
 * @param path       page path, e.g. {@code /admin/audit}
 * @param icon       a short glyph shown before the label
 * @param authority  authority required to see it, or null for everyone signed in
 */
public record NavigationItem(String section, String messageKey, String path, String icon, int order, String authority) {
}
