/** Health endpoint and MVC settings of the running server. */
package io.marketops.runtime.web;
