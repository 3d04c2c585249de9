package io.github.babyshopsdk.benchmarks;

import java.util.Optional;

/**
 * What the command line asked for.
 *
 * @param quick        smaller sizes and shorter JMH runs (a smoke run that checks the programs work, not figures)
 * @param postgresUrl  a PostgreSQL JDBC URL for the figures on PostgreSQL state (from {@code BABYSHOP_PG_URL}), or
 *                     empty to skip them
 * @param postgresUser the PostgreSQL user
 * @param postgresPassword the PostgreSQL password (never printed)
 */
public record RunSettings(boolean quick, Optional<String> postgresUrl, String postgresUser, String postgresPassword) {

    @Override
    public String toString() {
        return "RunSettings[quick=" + quick + ", postgresUrl=" + postgresUrl.orElse("(none)") + "]";
    }
}
