/** Web conventions shared by every module: problem details, message bundles, navigation model. */
package io.marketops.core.web;
