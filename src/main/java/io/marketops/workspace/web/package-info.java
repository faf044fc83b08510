/** Pages and JSON API of the workspace module: sign-in, settings, members, tokens, audit log. */
package io.marketops.workspace.web;
