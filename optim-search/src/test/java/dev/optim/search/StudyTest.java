package dev.optim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTest {

    private static final SearchSpace SPACE = TestFunctions.braninSpace();

    private static BayesianSampler quickBayes() {
        return BayesianSampler.builder().initialTrials(5).candidates(200).restarts(2).fitRestarts(1).build();
    }

    private static double branin(Trial t) {
        return TestFunctions.branin(t.params());
    }

    @Test
    void tellRefusesUnknownAndRepeatedTrials() {
        Study study = Study.builder(SPACE).seed(1).build();
        Study other = Study.builder(SPACE).seed(1).build();
        Trial t = study.ask();
        assertEquals(0, t.index());
        study.tell(t, 1.5);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> study.tell(t, 2.0)).getMessage()
                .startsWith("trial 0 was told already: trial 0"));
        Trial foreign = other.ask();
        assertEquals("trial 0 was asked by another study",
                assertThrows(IllegalArgumentException.class, () -> study.tell(foreign, 1.0)).getMessage());
        assertThrows(NullPointerException.class, () -> study.tell(null, 1.0));
    }

    @Test
    void failuresAndNonFiniteValuesAreResults() {
        Study study = Study.builder(SPACE).seed(1).build();
        FinishedTrial a = study.tell(study.ask(), Double.NaN);
        FinishedTrial b = study.tell(study.ask(), new Failure("diverged at step 12"));
        FinishedTrial c = study.tell(study.ask(), 3.0);
        assertEquals(TrialState.FAILED, a.state());
        assertEquals("non-finite value NaN", a.message());
        assertEquals(TrialState.FAILED, b.state());
        assertEquals(c, study.best().orElseThrow());
        assertEquals(3, study.trials().size());
        var failing = new LocalRunner(2).run(Study.builder(SPACE).seed(2).build(), t -> {
            if (t.index() % 2 == 0) {
                throw new ArithmeticException("boom " + t.index());
            }
            return 1.0;
        }, 6);
        assertEquals("ArithmeticException: boom 4", failing.get(4).message());
        assertEquals(TrialState.COMPLETE, failing.get(5).state());
    }

    @Test
    void adaptiveStudiesHandOutABatchOnlyAfterTheEarlierOnes() {
        Study study = Study.builder(SPACE).sampler(quickBayes()).batchSize(2).seed(1).build();
        Trial t0 = study.ask();
        Trial t1 = study.ask();
        assertFalse(study.canAsk());
        String why = assertThrows(IllegalStateException.class, study::ask).getMessage();
        assertTrue(why.contains("trial 2 (batch 1 of size 2) is proposed from trials 0..1"), why);
        study.tell(t1, 1);
        assertFalse(study.canAsk());
        study.tell(t0, 2);
        assertTrue(study.canAsk());
        // Non-adaptive samplers never wait.
        Study random = Study.builder(SPACE).batchSize(1).build();
        random.ask();
        random.ask();
        assertTrue(random.canAsk());
    }

    @Test
    void sameTrialsForAnyThreadCount() {
        List<FinishedTrial> one = null;
        for (int threads : new int[] {1, 2, 3}) {
            Study study = Study.builder(SPACE).sampler(quickBayes()).batchSize(3).seed(11).build();
            List<FinishedTrial> got = new LocalRunner(threads).run(study, StudyTest::branin, 14);
            assertEquals(14, got.size());
            if (one == null) {
                one = got;
            } else {
                assertEquals(one, got, threads + " threads");
            }
        }
        // And the ask/tell loop by hand gives the same.
        Study manual = Study.builder(SPACE).sampler(quickBayes()).batchSize(3).seed(11).build();
        for (int i = 0; i < 14; i++) {
            Trial t = manual.ask();
            manual.tell(t, branin(t));
        }
        assertEquals(one, manual.trials());
        // Points of a batch differ (constant liar).
        assertFalse(java.util.Arrays.equals(one.get(12).unit(), one.get(13).unit()));
    }

    @Test
    void sobolAndRandomStudiesAreReproducibleFromTheSeed() {
        for (Sampler s : List.of(new RandomSampler(), new SobolSampler(), new GridSampler(5))) {
            var a = new LocalRunner(3).run(Study.builder(SPACE).sampler(s).seed(5).build(), StudyTest::branin, 20);
            var b = new LocalRunner(1).run(Study.builder(SPACE).sampler(s).seed(5).build(), StudyTest::branin, 20);
            assertEquals(a, b, s.name());
        }
        var c = new LocalRunner(1).run(Study.builder(SPACE).seed(6).build(), StudyTest::branin, 3);
        var d = new LocalRunner(1).run(Study.builder(SPACE).seed(5).build(), StudyTest::branin, 3);
        assertFalse(c.equals(d));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new LocalRunner(1).run(Study.builder(SPACE).sampler(new GridSampler(3)).build(),
                        StudyTest::branin, 10)).getMessage().contains("must be <= 9"));
    }

    @Test
    void aCrashMidRecordLosesNoFinishedTrial(@TempDir Path dir) throws IOException {
        Path journal = dir.resolve("study.journal");
        var uninterrupted = new LocalRunner(2).run(Study.builder(SPACE).sampler(quickBayes()).batchSize(2)
                .seed(3).build(), StudyTest::branin, 12);
        try (Study study = Study.builder(SPACE).sampler(quickBayes()).batchSize(2).seed(3).journal(journal).build()) {
            new LocalRunner(2).run(study, StudyTest::branin, 8);
        }
        List<String> lines = Files.readAllLines(journal);
        assertEquals(9, lines.size());
        // Cut the file in the middle of the last record, as a crash during its write would.
        long size = Files.size(journal);
        long cut = size - lines.get(8).length() / 2;
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            ch.truncate(cut);
        }
        try (Study resumed = Study.builder(SPACE).sampler(quickBayes()).batchSize(2).seed(3).journal(journal).build()) {
            assertEquals(7, resumed.finishedCount());
            assertEquals(uninterrupted.subList(0, 7), resumed.trials().stream()
                    .map(t -> t).toList().subList(0, 7).stream().map(t -> uninterrupted.get((int) t.index())).toList());
            assertEquals(uninterrupted.subList(0, 7), resumed.trials());
            var all = new LocalRunner(1).run(resumed, StudyTest::branin, 12);
            assertEquals(uninterrupted, all);
        }
        // The resumed file is whole again: 12 records.
        assertEquals(13, Files.readAllLines(journal).size());
        try (Study again = Study.builder(SPACE).sampler(quickBayes()).batchSize(2).seed(3).journal(journal).build()) {
            assertEquals(uninterrupted, again.trials());
        }
    }

    @Test
    void aForeignOrCorruptJournalIsRefused(@TempDir Path dir) throws IOException {
        Path journal = dir.resolve("j");
        try (Study study = Study.builder(SPACE).seed(3).journal(journal).build()) {
            new LocalRunner(1).run(study, StudyTest::branin, 3);
        }
        String msg = assertThrows(IllegalArgumentException.class,
                () -> Study.builder(SPACE).seed(4).journal(journal).build()).getMessage();
        assertTrue(msg.contains("belongs to another study") && msg.contains("seed=3") && msg.contains("seed=4"), msg);
        String text = Files.readString(journal);
        Files.writeString(journal, text.replaceFirst("trial\t1\tCOMPLETE", "trial\t1\tCOMPLETE "),
                StandardCharsets.UTF_8);
        msg = assertThrows(IllegalArgumentException.class,
                () -> Study.builder(SPACE).seed(3).journal(journal).build()).getMessage();
        assertTrue(msg.contains("line 3 is corrupt (checksum mismatch)"), msg);
    }

    @Test
    void failedTrialsSurviveTheJournal(@TempDir Path dir) {
        Path journal = dir.resolve("j");
        try (Study study = Study.builder(SPACE).seed(3).journal(journal).build()) {
            study.tell(study.ask(), new Failure("diverged:\tloss\nwas inf"));
            study.tell(study.ask(), 2.5);
        }
        try (Study study = Study.builder(SPACE).seed(3).journal(journal).build()) {
            assertEquals("diverged:\tloss\nwas inf", study.trials().get(0).message());
            assertEquals(TrialState.FAILED, study.trials().get(0).state());
            assertEquals(2.5, study.trials().get(1).value());
            assertEquals(2, study.ask().index());
        }
    }
}
