package dev.staplescan.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.staplescan.settings.AuditSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The scheduler on a real clock and Spring's task scheduler, with a stand-in for the audit: it
 * fires on a one-second cron, never runs one job twice at once, and survives a failing audit.
 */
class AuditSchedulerTest {

    @Test
    void firesEverySecondWithoutEverOverlappingItself() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch threeRuns = new CountDownLatch(3);
        List<String> said = new CopyOnWriteArrayList<>();
        // given an audit that takes longer (1.5 s) than the period of its cron (1 s)
        AuditScheduler.Executor slow = def -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(1500);
                return new RunOutcome(def.name(), List.of(), 0);
            } finally {
                inFlight.decrementAndGet();
                runs.incrementAndGet();
                threeRuns.countDown();
            }
        };
        try (AuditScheduler s =
                new AuditScheduler(List.of(definition("every-second", "* * * * * *")), slow, said::add)) {
            assertEquals(1, s.start());
            // then it runs again and again, but one run at a time
            assertTrue(threeRuns.await(10, TimeUnit.SECONDS), said::toString);
        }
        assertEquals(1, maxInFlight.get());
        assertTrue(said.stream().anyMatch(l -> l.equals("job every-second: start")), said::toString);
        assertTrue(said.stream().anyMatch(l -> l.startsWith("job every-second: end after ")), said::toString);
    }

    @Test
    void aFiringWhileTheJobStillRunsIsSkipped() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        List<String> said = new CopyOnWriteArrayList<>();
        JobDefinition def = definition("guarded", "0 0 0 1 1 *");
        try (AuditScheduler s = new AuditScheduler(
                List.of(def),
                d -> {
                    runs.incrementAndGet();
                    entered.countDown();
                    release.await();
                    return new RunOutcome(d.name(), List.of(), 0);
                },
                said::add)) {
            Thread first = Thread.ofVirtual().start(() -> s.fire(def));
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            s.fire(def); // a second firing while the first still runs
            release.countDown();
            first.join();
        }
        assertEquals(1, runs.get());
        assertTrue(
                said.contains("job guarded: still running since the last firing; this firing is skipped"),
                said::toString);
    }

    @Test
    void aFailingAuditIsReportedAndTheJobFiresAgain() throws Exception {
        CountDownLatch twice = new CountDownLatch(2);
        List<String> said = new CopyOnWriteArrayList<>();
        try (AuditScheduler s = new AuditScheduler(
                List.of(definition("flaky", "* * * * * *")),
                d -> {
                    twice.countDown();
                    throw new IllegalStateException("database down");
                },
                said::add)) {
            s.start();
            assertTrue(twice.await(5, TimeUnit.SECONDS), said::toString);
        }
        assertTrue(
                said.stream().anyMatch(l -> l.contains("ERROR java.lang.IllegalStateException: database down")),
                said::toString);
    }

    @Test
    void definitionsWithoutScheduleAreNotScheduled() {
        JobDefinition byHand = new JobDefinition(
                Path.of("by-hand.yaml"),
                "by-hand",
                "",
                List.of(Path.of("a.csv")),
                AuditSettings.defaults(),
                output(),
                Retention.KEEP_ALL,
                Optional.empty(),
                ZoneId.of("UTC"));
        List<String> said = new CopyOnWriteArrayList<>();
        try (AuditScheduler s = new AuditScheduler(List.of(byHand), d -> null, said::add)) {
            assertEquals(0, s.start());
        }
        assertTrue(said.get(0).contains("has no schedule"), said::toString);
    }

    private static JobDefinition definition(String name, String cron) {
        ZoneId utc = ZoneId.of("UTC");
        return new JobDefinition(
                Path.of(name + ".yaml"),
                name,
                "",
                List.of(Path.of("a.csv")),
                AuditSettings.defaults(),
                output(),
                Retention.KEEP_ALL,
                Optional.of(CronSchedule.parse(cron, utc)),
                utc);
    }

    private static OutputSpec output() {
        return new OutputSpec("/tmp/out");
    }
}
