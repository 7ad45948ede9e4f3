package org.outward.james;

import java.util.List;
import java.util.regex.Pattern;

/** Month and day names a notice must not mix: English ones in a Welsh notice, Welsh ones in an English notice. */
final class DateWords {

    /** English month and day names, full and short, as whole words. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(January|February|March|April|June|July|"
            + "August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|"
            + "Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\b");
    /** Welsh month and day names (CLDR's short and long forms) that are not also English words. */
    private static final Pattern WELSH = Pattern.compile("\\b(Ionawr|Chwefror|Mawrth|Ebrill|Mehefin|"
            + "Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr|Ion|Chwef|Maw|Ebr|Meh|Gorff|Hyd|Tach|Rhag|Dydd|Sul|Llun|"
            + "Mer|Mercher|Iau|Gwen|Gwener|Sad|Sadwrn)\\b");

    private DateWords() {
    }

    static List<String> english(String text) {
        return ENGLISH.matcher(text).results().map(m -> m.group()).toList();
    }

    static List<String> welsh(String text) {
        return WELSH.matcher(text).results().map(m -> m.group()).toList();
    }
}
