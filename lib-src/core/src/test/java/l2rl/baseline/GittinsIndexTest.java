package l2rl.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class GittinsIndexTest {

    @Test
    void matchesPublishedIndexForUniformPriorAtDiscount09() {
        assertEquals(0.7029, GittinsIndex.forDiscount(0.9).index(1, 1), 1e-3);
    }

    @Test
    void matchesPublishedIndexForBeta32AtDiscount08() {
        assertEquals(0.6714, GittinsIndex.forDiscount(0.8).index(3, 2), 1e-3);
    }

    @Test
    void indexExceedsPosteriorMeanAndOrdersStatesSensibly() {
        var gi = GittinsIndex.forDiscount(0.9);
        for (int a = 1; a <= 20; a++) {
            for (int b = 1; b <= 20; b++) {
                double mean = (double) a / (a + b);
                double index = gi.index(a, b);
                assertTrue(index > mean && index < 1, "GI(" + a + "," + b + ") = " + index);
                // More successes raise the index, more failures lower it.
                assertTrue(gi.index(a + 1, b) > index);
                assertTrue(gi.index(a, b + 1) < index);
            }
        }
    }

    @Test
    void explorationBonusShrinksWithEvidenceAndGrowsWithDiscount() {
        var gi = GittinsIndex.forDiscount(0.9);
        double previousBonus = Double.POSITIVE_INFINITY;
        for (int n = 1; n <= 64; n *= 2) {
            double bonus = gi.index(n, n) - 0.5;
            assertTrue(bonus < previousBonus);
            previousBonus = bonus;
        }
        assertTrue(GittinsIndex.forDiscount(0.99).index(1, 1) > gi.index(1, 1));
        assertTrue(GittinsIndex.forDiscount(0.5).index(1, 1) < gi.index(1, 1));
    }

    @Test
    void oneSharedTablePerDiscountGivesTheSameIndicesOnParallelThreads() {
        var gi = GittinsIndex.forDiscount(0.7);
        assertTrue(gi == GittinsIndex.forDiscount(0.7));
        var parallel = IntStream.rangeClosed(1, 30).parallel().mapToDouble(a -> gi.index(a, 31 - a)).toArray();
        for (int a = 1; a <= 30; a++) {
            assertEquals(gi.index(a, 31 - a), parallel[a - 1]);
        }
    }

    @Test
    void rejectsImpossibleArguments() {
        assertThrows(IllegalArgumentException.class, () -> GittinsIndex.forDiscount(1.0));
        assertThrows(IllegalArgumentException.class, () -> GittinsIndex.forDiscount(0.9).index(0, 1));
    }
}
