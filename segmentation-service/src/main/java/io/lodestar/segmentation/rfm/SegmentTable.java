package io.lodestar.segmentation.rfm;

import static io.lodestar.segmentation.rfm.RfmSegment.ABOUT_TO_SLEEP;
import static io.lodestar.segmentation.rfm.RfmSegment.AT_RISK;
import static io.lodestar.segmentation.rfm.RfmSegment.CANT_LOSE_THEM;
import static io.lodestar.segmentation.rfm.RfmSegment.CHAMPIONS;
import static io.lodestar.segmentation.rfm.RfmSegment.HIBERNATING;
import static io.lodestar.segmentation.rfm.RfmSegment.LOST;
import static io.lodestar.segmentation.rfm.RfmSegment.LOYAL;
import static io.lodestar.segmentation.rfm.RfmSegment.NEED_ATTENTION;
import static io.lodestar.segmentation.rfm.RfmSegment.NEW;
import static io.lodestar.segmentation.rfm.RfmSegment.POTENTIAL_LOYALIST;
import static io.lodestar.segmentation.rfm.RfmSegment.PROMISING;

/**
 * Which of the 11 named segments an (R, FM) pair of quintile scores falls into, where FM is the mean of the F and M scores
 * rounded half up ({@link #fmScore}): frequency and monetary move together, so the published table folds them into one axis.
 *
 * <p><b>Source.</b> The segment names and score ranges are Putler's RFM segment table ("RFM Analysis For Successful
 * Customer Segmentation", https://www.putler.com/rfm-analysis/), the one most RFM tutorials reproduce:
 * <pre>
 * segment               R     FM        segment            R     FM
 * Champions             4–5   4–5       About to Sleep     2–3   ≤2
 * Loyal (Customers)     2–5   3–5       At Risk            ≤2    2–5
 * Potential Loyalist    3–5   1–3       Can't Lose Them    ≤1    4–5
 * New (Recent Cust.)    4–5   ≤1        Hibernating        1–2   1–2
 * Promising             3–4   ≤1        Lost               ≤2    ≤2
 * Need Attention        2–3   2–3
 * </pre>
 * Those ranges overlap (Hibernating and Lost are even the same), so as published a customer can be in several segments.
 * This class makes the table total and unambiguous: every one of the 25 cells maps to exactly one segment, chosen among the
 * segments whose published range contains the cell (a test checks both properties):
 * <pre>
 *          FM=1            FM=2                FM=3                FM=4             FM=5
 * R=5      New             Potential Loyalist  Potential Loyalist  Champions        Champions
 * R=4      Promising       Potential Loyalist  Potential Loyalist  Champions        Champions
 * R=3      About to Sleep  About to Sleep      Need Attention      Loyal            Loyal
 * R=2      Hibernating     Hibernating         At Risk             At Risk          At Risk
 * R=1      Lost            Lost                At Risk             Can't Lose Them  Can't Lose Them
 * </pre>
 * The choices where ranges overlap: the narrower range wins (Champions over Loyal, Can't Lose Them over At Risk, New and
 * Promising over Potential Loyalist); once a customer has not bought for the two lowest recency quintiles, an average or
 * better FM means At Risk rather than Loyal or Need Attention; low value (FM ≤ 2) fades with recency from About to Sleep
 * (R 3) through Hibernating (R 2) to Lost (R 1, Putler's "lowest recency"); and at FM 1 the very newest (R 5) are New
 * while R 4 is Promising, the range Putler gives for shoppers who are recent but have not spent much.
 */
public final class SegmentTable {

    /** Rows R = 1..5, columns FM = 1..5. */
    private static final RfmSegment[][] BY_R_AND_FM = {
        {LOST, LOST, AT_RISK, CANT_LOSE_THEM, CANT_LOSE_THEM},
        {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, AT_RISK},
        {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL},
        {PROMISING, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, CHAMPIONS, CHAMPIONS},
        {NEW, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, CHAMPIONS, CHAMPIONS},
    };

    private SegmentTable() {
    }

    /** The segment of quintile scores (each 1–5). */
    public static RfmSegment segmentOf(RfmScores scores) {
        return segmentOf(scores.recency(), fmScore(scores.frequency(), scores.monetary()));
    }

    /** The segment of a recency score and an FM score (each 1–5). */
    public static RfmSegment segmentOf(int recencyScore, int fmScore) {
        requireQuintile("recency score", recencyScore);
        requireQuintile("FM score", fmScore);
        return BY_R_AND_FM[recencyScore - 1][fmScore - 1];
    }

    /** The FM score: mean of the F and M scores rounded half up, so F 4 and M 3 give 4, F 1 and M 2 give 2. */
    public static int fmScore(int frequencyScore, int monetaryScore) {
        requireQuintile("frequency score", frequencyScore);
        requireQuintile("monetary score", monetaryScore);
        return (frequencyScore + monetaryScore + 1) / 2;
    }

    private static void requireQuintile(String what, int score) {
        if (score < 1 || score > Quintiles.COUNT) {
            throw new IllegalArgumentException(what + " must be 1 to " + Quintiles.COUNT + ", was " + score);
        }
    }
}
