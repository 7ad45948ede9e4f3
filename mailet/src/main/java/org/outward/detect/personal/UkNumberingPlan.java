package org.outward.detect.personal;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.RegionMetadataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
 * allows are joined into one, compiled once. RecognisersTest checks the answers against the library.
 */
final class UkNumberingPlan {

    /** One region's plan: its leading digits (null for none) and its patterns. */
    private record Region(Pattern leadingDigits, PhoneNumberDesc general, Pattern generalPattern,
            Pattern[] typesByLength) {

        boolean isValid(String nationalNumber) {
            int length = nationalNumber.length();
            return length < typesByLength.length && typesByLength[length] != null && allows(general, length)
                    && generalPattern != null && generalPattern.matcher(nationalNumber).matches()
                    && typesByLength[length].matcher(nationalNumber).matches();
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
        Pattern[] byLength = new Pattern[MAX_LENGTH + 1];
        for (int length = 0; length <= MAX_LENGTH; length++) {
            List<String> fitting = new ArrayList<>();
            for (PhoneNumberDesc type : types) {
                if (!type.getNationalNumberPattern().isEmpty() && allows(type, length)) {
                    fitting.add("(?:" + type.getNationalNumberPattern() + ")");
                }
            }
            if (!fitting.isEmpty()) {
                byLength[length] = Pattern.compile(String.join("|", fitting));
            }
        }
        PhoneNumberDesc general = metadata.getGeneralDesc();
        return new Region(metadata.hasLeadingDigits() ? Pattern.compile(metadata.getLeadingDigits()) : null,
                general, general.getNationalNumberPattern().isEmpty() ? null
                        : Pattern.compile(general.getNationalNumberPattern()), byLength);
    }

    /** An empty list of lengths means any length, as the library reads it. */
    private static boolean allows(PhoneNumberDesc desc, int length) {
        return desc.getPossibleLengthCount() == 0 || desc.getPossibleLengthList().contains(length);
    }

    /** Whether the number (its digits after +44, no national prefix) is valid in the plan. */
    boolean isValid(String nationalNumber) {
        for (Region region : regions) {
            if (region.leadingDigits() != null) {
                if (region.leadingDigits().matcher(nationalNumber).lookingAt()) {
                    return region.isValid(nationalNumber);
                }
            } else if (region.isValid(nationalNumber)) {
                return true;
            }
        }
        return false;
    }
}
