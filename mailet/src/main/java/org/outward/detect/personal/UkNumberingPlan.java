package org.outward.detect.personal;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.RegionMetadataSource;
import dk.brics.automaton.RunAutomaton;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a +44 national number is valid, decided from libphonenumber's own metadata the way the library
 * decides it: the regions sharing +44 (GB, then Guernsey, the Isle of Man and Jersey) are tried in the
 * library's order; a region that claims numbers by their leading digits answers for those numbers; GB,
 * which claims none, answers for any number that fits it. A number is valid in a region when the region's
 * general pattern fits and so does the pattern of some number type (fixed line, mobile, freephone...), each
 * only at the lengths that type allows.
 *
 * <p>Asked here rather than through {@code PhoneNumberUtil.isValidNumber} because the library looks each
 * pattern up in a synchronised cache and builds a matcher per number type, twice per number (once to find
 * the region, once to check it): that cost more than the matching. Here the patterns of the types a length
 * allows are joined into one, and each pattern is compiled once into a deterministic automaton
 * ({@link PlainPattern}): a number is then read digit by digit, once, where the joined regex backtracked through
 * the fixed-line ranges (and a list validates every cell of its phone column).
 * RecognisersTest checks the answers against the library.
 */
final class UkNumberingPlan {

    /** One region's plan: its leading digits (null for none) and its patterns (null where there are none). */
    private record Region(Compiled leadingDigits, boolean[] generalLengths, Compiled generalPattern,
            Compiled[] typesByLength) {

        boolean isValid(String nationalNumber) {
            int length = nationalNumber.length();
            return length < typesByLength.length && typesByLength[length] != null && generalLengths[length]
                    && generalPattern != null && generalPattern.matches(nationalNumber)
                    && typesByLength[length].matches(nationalNumber);
        }
    }

    /**
     * A plan pattern, compiled into an automaton when first asked: most lengths are never asked, and compiling
     * every pattern at start slowed every detector's first use.
     */
    private static final class Compiled {

        private final String regex;
        /** Whether the pattern need only match a beginning of the number (leading digits). */
        private final boolean prefix;
        /** Compiled at most a few times over if threads race for it; each result is the same and immutable. */
        private volatile RunAutomaton automaton;

        /** @throws IllegalArgumentException for a pattern that is not a {@link PlainPattern} */
        Compiled(String javaRegex, boolean prefix) {
            PlainPattern.plain(javaRegex);
            this.regex = javaRegex;
            this.prefix = prefix;
        }

        boolean matches(String number) {
            RunAutomaton compiled = automaton;
            if (compiled == null) {
                compiled = prefix ? PlainPattern.beginning(regex) : PlainPattern.whole(regex);
                automaton = compiled;
            }
            return compiled.run(number);
        }
    }

    private static final int MAX_LENGTH = 17;

    private final List<Region> regions;

    private UkNumberingPlan(List<Region> regions) {
        this.regions = regions;
    }

    static UkNumberingPlan load() {
        RegionMetadataSource source = DefaultMetadataDependenciesProvider.getInstance()
                .getPhoneNumberMetadataSource();
        List<Region> regions = new ArrayList<>();
        for (String code : PhoneNumberUtil.getInstance().getRegionCodesForCountryCode(44)) {
            regions.add(region(source.getMetadataForRegion(code)));
        }
        return new UkNumberingPlan(List.copyOf(regions));
    }

    private static Region region(PhoneMetadata metadata) {
        List<PhoneNumberDesc> types = new ArrayList<>(List.of(metadata.getPremiumRate(), metadata.getTollFree(),
                metadata.getSharedCost(), metadata.getVoip(), metadata.getPersonalNumber(), metadata.getPager(),
                metadata.getUan(), metadata.getVoicemail(), metadata.getFixedLine()));
        if (!metadata.getSameMobileAndFixedLinePattern()) {
            types.add(metadata.getMobile());
        }
        Compiled[] byLength = new Compiled[MAX_LENGTH + 1];
        for (int length = 0; length <= MAX_LENGTH; length++) {
            List<String> fitting = new ArrayList<>();
            for (PhoneNumberDesc type : types) {
                if (!type.getNationalNumberPattern().isEmpty() && allows(type, length)) {
                    fitting.add("(?:" + type.getNationalNumberPattern() + ")");
                }
            }
            if (!fitting.isEmpty()) {
                byLength[length] = new Compiled(String.join("|", fitting), false);
            }
        }
        PhoneNumberDesc general = metadata.getGeneralDesc();
        // The lengths the region allows, looked up for every number: the library keeps them as a list of Integer.
        boolean[] generalLengths = new boolean[MAX_LENGTH + 1];
        for (int length = 0; length <= MAX_LENGTH; length++) {
            generalLengths[length] = allows(general, length);
        }
        return new Region(metadata.hasLeadingDigits() ? new Compiled(metadata.getLeadingDigits(), true) : null,
                generalLengths, general.getNationalNumberPattern().isEmpty() ? null
                        : new Compiled(general.getNationalNumberPattern(), false), byLength);
    }

    /** An empty list of lengths means any length, as the library reads it. */
    private static boolean allows(PhoneNumberDesc desc, int length) {
        return desc.getPossibleLengthCount() == 0 || desc.getPossibleLengthList().contains(length);
    }

    /** Whether the number (its digits after +44, no national prefix) is valid in the plan. */
    boolean isValid(String nationalNumber) {
        for (Region region : regions) {
            if (region.leadingDigits() != null) {
                if (region.leadingDigits().matches(nationalNumber)) {
                    return region.isValid(nationalNumber);
                }
            } else if (region.isValid(nationalNumber)) {
                return true;
            }
        }
        return false;
    }
}
