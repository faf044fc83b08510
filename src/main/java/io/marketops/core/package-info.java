/**
 * Shared kernel: identifiers, money, paging, navigation contributions and API error shapes
 * that every module may use. Holds no business rules and no tables.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.marketops.core;
