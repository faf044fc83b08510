package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.ModelResult;
import io.marketops.attribution.PathTable;
import org.junit.jupiter.api.Test;

import static io.marketops.attribution.internal.PathTables.credit;
import static io.marketops.attribution.internal.PathTables.sumConversions;
import static io.marketops.attribution.internal.PathTables.sumValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ChannelAttribution's demo paths (Data.csv: 10,000 paths, 19,785 conversions, value 74,802.9716,
 * 68,602 nulls, 12 channels). The expected numbers were derived independently by
 * {@code src/test/resources/attribution/reference_values.py}: heuristic credits as exact rationals,
 * order-1 removal effects by exact rational elimination, orders 2–3 by LAPACK (numpy.linalg.solve).
 */
class ChannelAttributionDataTests {
    static final PathTable DATA = PathTables.channelAttributionData();

    /** channel, first touch, last touch, linear (conversions), then the same three for value. */
    static final Object[][] HEURISTICS = {
            {"eta", 3164, 4167, 3539.9511571005633, 11909.47621303165, 16754.203800105686, 13783.497050920154},
            {"iota", 4606, 3355, 3857.0962210177577, 19597.26127697518, 13487.974271357702, 15988.988995023583},
            {"alpha", 6308, 8447, 7574.718593751176, 19121.272355798726, 28414.21427436396, 24524.70956883351},
            {"beta", 2831, 989, 2083.500144589081, 12235.591744355273, 3850.020987258203, 8954.266716607803},
            {"theta", 1606, 653, 1022.8013939042166, 6652.349347446831, 2799.0919875816994, 4295.743619487184},
            {"lambda", 902, 1207, 1035.2575722855333, 3735.602164915966, 5249.949985427807, 4430.316169428451},
            {"kappa", 74, 230, 137.9640779222783, 305.74325, 1069.38425, 599.7477862552664},
            {"zeta", 27, 107, 136.55154046644432, 103.004, 453.26075, 539.528763052843},
            {"epsilon", 99, 531, 272.17043772046026, 412.3012428571428, 2202.6122892857143, 1106.2700652665424},
            {"gamma", 165, 92, 121.04163902026698, 718.9779918300654, 506.01399183006544, 569.4173578910576},
            {"delta", 1, 5, 1.725, 6.119, 10.972, 4.40405},
            {"mi", 2, 2, 2.2222222222222223, 5.273, 5.273, 6.081444444444444},
    };

    /** channel, removal effect, value removal effect, attributed conversions, attributed value — order 1. */
    static final Object[][] MARKOV_1 = {
            {"eta", 0.349026331871146, 0.36142504344973675, 3340.847401500871, 12991.736666695466},
            {"iota", 0.40583500447194415, 0.41669427934490955, 3884.614701875093, 14978.437288395511},
            {"alpha", 0.5583994895077469, 0.5229855895869648, 5344.947682085164, 18799.17062619161},
            {"beta", 0.2640385357412364, 0.26951107128227814, 2527.3521665203875, 9687.809216090718},
            {"theta", 0.20601046277277, 0.2089544370574217, 1971.9128798869233, 7511.048475436221},
            {"lambda", 0.13402212280970024, 0.14306847148176005, 1282.8472233943592, 5142.7202970126955},
            {"kappa", 0.028663386655465705, 0.031605650999335114, 274.3632559547976, 1136.0925381473903},
            {"zeta", 0.039810517817383394, 0.04085874464451248, 381.062552758085, 1468.703014839871},
            {"epsilon", 0.06263858227549059, 0.06533863274758187, 599.5706504632102, 2348.653825192275},
            {"gamma", 0.017879974419968938, 0.020008885568402173, 171.14544269372792, 719.2367463459278},
            {"delta", 0.0004819957580384581, 0.0003872040107036023, 4.613618311101263, 13.918384003871932},
            {"mi", 0.00017994581989382193, 0.0001514641114972358, 1.722424556280069, 5.4445088592781685},
    };

    static final Object[][] MARKOV_2 = {
            {"eta", 0.3307674762530949, 0.3524392531707585, 3391.8581634292113, 13007.57645548746},
            {"iota", 0.37159369896817074, 0.402388266454341, 3810.51104419839, 14851.058994157942},
            {"alpha", 0.5478032820635091, 0.5200738817780957, 5617.453853893057, 19194.51570410944},
            {"beta", 0.2379098700161988, 0.2644353421979482, 2439.648976120505, 9759.590908865839},
            {"theta", 0.18552556277974497, 0.20028774572375874, 1902.473610064885, 7392.077193900884},
            {"lambda", 0.11599502094696856, 0.13173082558466076, 1189.4720217748022, 4861.827307603447},
            {"kappa", 0.025942445979343254, 0.030691983880883233, 266.02705372104555, 1132.7578392857092},
            {"zeta", 0.036474814536303524, 0.03902307234663516, 374.03132510483636, 1440.2357073176036},
            {"epsilon", 0.05991252288667026, 0.0649095113655832, 614.3735234999259, 2395.6339260742925},
            {"gamma", 0.016765130159312913, 0.02024088299584692, 171.91818323850907, 747.0360657230542},
            {"delta", 0.0005031012368962307, 0.00039206057502549907, 5.159056315718546, 14.46989192873956},
            {"mi", 0.00020217336365913052, 0.00016776071503232792, 2.073188639110488, 6.191592756420304},
    };

    static final Object[][] MARKOV_3 = {
            {"eta", 0.32283394446461344, 0.3477790651597451, 3396.07064535872, 12982.208638673834},
            {"iota", 0.3603791049526086, 0.3973796386633983, 3791.0291668983864, 14833.743300561917},
            {"alpha", 0.5464201290184656, 0.5199674187443775, 5748.098649509086, 19409.80982380745},
            {"beta", 0.2286725229978267, 0.2611706351065187, 2405.534040235226, 9749.211539488122},
            {"theta", 0.17584507974581265, 0.19489601420422664, 1849.8126473220852, 7275.253092313141},
            {"lambda", 0.10939052169700003, 0.1274265559917348, 1150.7400197081156, 4756.692687159004},
            {"kappa", 0.02511886216410375, 0.03040660569418918, 264.23934627380885, 1135.0450290460522},
            {"zeta", 0.03520708477376555, 0.03808242473941448, 370.3629967013801, 1421.5748817617389},
            {"epsilon", 0.05926408851445997, 0.06514708731246799, 623.432060905725, 2431.868862790465},
            {"gamma", 0.016966758070818155, 0.02108449487916675, 178.48280832663363, 787.0609216706694},
            {"delta", 0.00048203962775517084, 0.00038148697247641916, 5.07084418410165, 14.240487613450934},
            {"mi", 0.0002021733636584644, 0.00016776071503188383, 2.126774576733531, 6.262322324998619},
    };

    @Test
    void readsTheWholeTable() {
        assertThat(DATA.size()).isEqualTo(10_000);
        assertThat(DATA.totalConversions()).isEqualTo(19_785);
        assertThat(DATA.totalNulls()).isEqualTo(68_602);
        assertThat(DATA.totalValue()).isCloseTo(74_802.9716, within(1e-4));
        assertThat(DATA.channels()).containsExactly("eta", "iota", "alpha", "beta", "theta", "lambda", "kappa", "zeta",
                "epsilon", "gamma", "delta", "mi");
    }

    @Test
    void firstTouchCreditsEveryPathToItsFirstChannelExactly() {
        ModelResult r = PathTables.run(DATA, AttributionModelId.FIRST_TOUCH);
        for (Object[] row : HEURISTICS) {
            assertThat(credit(r, (String) row[0]).conversions()).as((String) row[0]).isEqualTo(((Integer) row[1]).doubleValue());
            assertThat(credit(r, (String) row[0]).value()).as((String) row[0]).isCloseTo((Double) row[4], within(1e-8));
        }
    }

    @Test
    void lastTouchCreditsEveryPathToItsLastChannelExactly() {
        ModelResult r = PathTables.run(DATA, AttributionModelId.LAST_TOUCH);
        for (Object[] row : HEURISTICS) {
            assertThat(credit(r, (String) row[0]).conversions()).as((String) row[0]).isEqualTo(((Integer) row[2]).doubleValue());
            assertThat(credit(r, (String) row[0]).value()).as((String) row[0]).isCloseTo((Double) row[5], within(1e-8));
        }
    }

    @Test
    void linearGivesEachTouchAnEqualShareCountingRepeats() {
        ModelResult r = PathTables.run(DATA, AttributionModelId.LINEAR);
        for (Object[] row : HEURISTICS) {
            assertThat(credit(r, (String) row[0]).conversions()).as((String) row[0]).isCloseTo((Double) row[3], within(1e-9));
            assertThat(credit(r, (String) row[0]).value()).as((String) row[0]).isCloseTo((Double) row[6], within(1e-8));
        }
        assertThat(sumConversions(r)).isCloseTo(19_785, within(1e-8));
    }

    @Test
    void firstOrderRemovalEffectsEqualTheAnalyticValues() {
        assertMarkov(1, MARKOV_1);
    }

    @Test
    void secondOrderRemovalEffectsEqualTheAnalyticValues() {
        assertMarkov(2, MARKOV_2);
    }

    @Test
    void thirdOrderRemovalEffectsEqualTheAnalyticValues() {
        assertMarkov(3, MARKOV_3);
    }

    @Test
    void chainStatesAreTheDistinctWindowsOfEachOrder() {
        assertThat(PathTables.markov(DATA, 1).markov().states()).isEqualTo(12);
        assertThat(PathTables.markov(DATA, 2).markov().states()).isEqualTo(120);
        assertThat(PathTables.markov(DATA, 3).markov().states()).isEqualTo(933);
    }

    private static void assertMarkov(int order, Object[][] expected) {
        ModelResult r = PathTables.markov(DATA, order);
        // the fitted chain reproduces the observed conversion rate and value per journey at every order
        assertThat(r.markov().conversionProbability()).isCloseTo(19_785.0 / (19_785 + 68_602), within(1e-12));
        for (Object[] row : expected) {
            String c = (String) row[0];
            assertThat(r.markov().removalEffects().get(c)).as("removal effect of " + c).isCloseTo((Double) row[1], within(1e-10));
            assertThat(r.markov().valueRemovalEffects().get(c)).as("value removal effect of " + c).isCloseTo((Double) row[2], within(1e-10));
            assertThat(credit(r, c).conversions()).as("conversions of " + c).isCloseTo((Double) row[3], within(1e-7));
            assertThat(credit(r, c).value()).as("value of " + c).isCloseTo((Double) row[4], within(1e-7));
        }
        assertThat(sumConversions(r)).isCloseTo(19_785, within(1e-7));
        assertThat(sumValue(r)).isCloseTo(DATA.totalValue(), within(1e-7));
    }
}
