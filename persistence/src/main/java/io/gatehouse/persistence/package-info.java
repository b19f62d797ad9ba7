/**
 * Persistence adapters: Micronaut Data JDBC repositories over row records, and the adapters that
 * implement the domain's outbound ports with them. Rows never leave this package; adapters hand
 * out domain values only. Repositories use the PostgreSQL dialect; H2 runs in
 * {@code MODE=PostgreSQL}, and every hand-written query is SQL both understand.
 */
package io.gatehouse.persistence;
