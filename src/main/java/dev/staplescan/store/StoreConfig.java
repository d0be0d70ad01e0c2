package dev.staplescan.store;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The database schema is brought up to date when the application starts. */
@Configuration
public class StoreConfig {

    @Bean(initMethod = "migrate")
    SchemaMigrations schemaMigrations(DataSource dataSource) {
        return new SchemaMigrations(dataSource);
    }

    @Bean
    RunSummaryStore runSummaryStore(JdbcTemplate jdbc) {
        return new RunSummaryStore(jdbc);
    }

    @Bean
    RunPruner runPruner(JdbcTemplate jdbc, PlatformTransactionManager tm) {
        return new RunPruner(jdbc, tm);
    }
}
