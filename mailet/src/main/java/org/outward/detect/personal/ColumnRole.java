package org.outward.detect.personal;

import dk.brics.automaton.RunAutomaton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a column header says a column holds, in the words councils' register exports, membership systems and
 * canvass tools use, in English and Welsh: the roles that are not declared identifiers (names, addresses,
 * phones, canvass and special-category columns); a declared identifier's header words are its declaration's
 * ({@link ColumnHeadings}). Headers are compared after lower-casing and turning punctuation into spaces, so
 * {@code "Address_1"}, {@code "ADDRESS 1"} and {@code "address-1"} are one header.
 */
public enum ColumnRole {
    TITLE(null, null, "title|salutation|honorific|teitl"),
    GIVEN_NAME(DataKind.PERSON_NAME, null,
            "forenames?|first ?names?|given ?names?|christian names?|fname|first|known as|preferred name"
            + "|enw cyntaf|enwau cyntaf"),
    SURNAME(DataKind.PERSON_NAME, null, "surname|last ?name|family name|lname|last|cyfenw"),
    FULL_NAME(DataKind.PERSON_NAME, null, "(?:full |elector |member |contact |voter |volunteer |supporter )?names?"
            + "|elector|volunteer|member|supporter|contact|resident|constituent|deliverer|enw(?: llawn)?|enwau"),
    INITIALS(null, null, "initials?|middle ?names?|middle initial"),
    ADDRESS(DataKind.STREET_ADDRESS, null, "(?:qualifying |home |postal |street )?address(?: ?line)? ?[1-6]?"
            + "|addr ?[1-6]?|address[1-6]|house (?:number|no|name)|property(?: number)?|flat|building|street address"
            + "|cyfeiriad(?: ?[1-6])?"),
    STREET(DataKind.STREET_ADDRESS, null, "street|road|street name|stryd|heol"),
    TOWN(null, null, "town|city|locality|county|village|area|ward|ward name|parish|tref|dinas|pentref|sir"),
    PHONE(DataKind.PHONE, null, "(?:home |work |mobile |contact |day |evening )?(?:tel|telephone|phone|mob|mobile|"
            + "landline|cell)(?: ?(?:no|number|num))?|contact number|phone ?1|phone ?2"
            // ffôn reads "ff n": ô is not a-z
            + "|(?:rhif )?(?:ff(?:o| )n(?: symudol)?|symudol)"),
    POLLING_DISTRICT(null, null, "pd|polling district|pd code|district code|prefix|polling district code"
            + "|dosbarth pleidleisio|ardal bleidleisio"),
    ELECTOR_SUFFIX(null, null, "suffix|eno suffix|elector suffix|number suffix"),
    VOTING_INTENTION(null, SpecialCategory.POLITICAL_OPINION,
            "vi|vi ?\\d{2,4}|voting intention|vote intention|intention|likely vote|support|party support|supporter"
            + " (?:code|status)|ld support|previous vote|past vote|vote ?\\d{4}|how voted|squeeze|canvass"
            + "|canvass (?:result|code|response)|canvassed|doorstep (?:result|response)|poster|pledge"
            + "|bwriad pleidleisio"),
    ABSENT_VOTER(DataKind.ABSENT_VOTER_STATUS, null,
            "postal(?: voter| vote)?|pv|proxy(?: voter)?|absent voter|av|postal proxy|franchise(?: marker)?"
            + "|marker|opt ?out|open register|pleidlais bost|dirprwy"),
    NOTES(null, null, "notes?|comments?|remarks|casework|issue|details|case notes|description|info"
            + "|nodiadau|nodyn|sylwadau"),
    HEALTH(null, SpecialCategory.HEALTH, "disability|disabled|health|medical|access needs|mobility|needs"
            + "|health conditions?|medical conditions?"),
    ETHNICITY(null, SpecialCategory.ETHNICITY, "ethnicity|ethnic (?:origin|group|background)|race"),
    RELIGION(null, SpecialCategory.RELIGION, "religion|faith|religious belief"),
    TRADE_UNION(null, SpecialCategory.TRADE_UNION_MEMBERSHIP, "union|trade union|union member(?:ship)?"),
    /**
     * References to other things than people (bookings, orders, jobs, cases, assets, stock), whose values often
     * have an identifier's shape ({@code BK-10231} is an elector number's): the header says what they are.
     * These are the words that say it alone; {@link ReferenceHeader} knows {@code Hire ref}, {@code Job No.}.
     */
    REFERENCE(null, null, "sku|ticket|invoice|consignment|tracking"),
    /** Columns whose header we know and which hold nothing personal (amounts, counts, parties). */
    NOT_PERSONAL(null, null, "party|votes|count|total|amount|cost|price|qty|quantity|households|electorate"
            + "|turnout|date|round|leaflets|budget|actual|item|description of item|percent|share|change"),
    UNKNOWN(null, null, "(?!)");

    private static final ColumnRole[] ROLES = values();
    /**
     * Every role's header words in one pattern, role i in group i + 1, in declaration order: one match per
     * header instead of one per role, and the first role that matches wins, as it would one by one.
     */
    private static final Pattern ANY_ROLE = anyRole();
    /**
     * For each character a normal form can begin with, the roles whose header words can begin with it, in
     * declaration order: "qty" is tried against the few roles that begin with q, not against all thirty.
     */
    private static final ColumnRole[][] ROLES_BY_FIRST = new ColumnRole[128][];
    /**
     * Each role's header words as a deterministic automaton ({@link PlainPattern}; null for UNKNOWN, which
     * names nothing): a header is read once per role, where the pattern of all roles backtracked through
     * every alternative of every role, and the first rows of every table and pasted list are tried as headers.
     */
    private static final RunAutomaton[] WORDS = new RunAutomaton[ROLES.length];
    /**
     * The header words of all roles as one automaton, which a header of ASCII characters is read through as
     * its normal form is worked out: most cells tried as headers are data (names, numbers) that no role's
     * words begin, and are turned away there without the normal form being made.
     */
    private static final RunAutomaton ANY_WORDS = anyWords();

    static {
        Matcher[] alone = new Matcher[ROLES.length];
        for (int r = 0; r < ROLES.length; r++) {
            alone[r] = Pattern.compile(ROLES[r].header).matcher("");
            WORDS[r] = ROLES[r] == UNKNOWN ? null : PlainPattern.whole(ROLES[r].header);
        }
        for (char first = 0; first < 128; first++) {
            if (!isNormal(first)) {
                continue;
            }
            List<ColumnRole> roles = new ArrayList<>();
            for (int r = 0; r < ROLES.length; r++) {
                Matcher m = alone[r].reset(String.valueOf(first));
                // It matches the one character, or failed only for want of more: some header begins so.
                if (ROLES[r] != UNKNOWN && (m.matches() || m.hitEnd())) {
                    roles.add(ROLES[r]);
                }
            }
            ROLES_BY_FIRST[first] = roles.toArray(new ColumnRole[0]);
        }
    }

    private final DataKind kind;
    private final SpecialCategory special;
    private final String header;

    ColumnRole(DataKind kind, SpecialCategory special, String header) {
        this.kind = kind;
        this.special = special;
        this.header = header;
    }

    private static RunAutomaton anyWords() {
        return PlainPattern.whole(allWords());
    }

    /** The header words of all roles as one plain pattern ({@link PlainPattern}). */
    static String allWords() {
        StringBuilder all = new StringBuilder();
        for (ColumnRole role : values()) {
            if (role != UNKNOWN) {
                all.append(all.length() == 0 ? "" : "|").append("(?:").append(role.header).append(')');
            }
        }
        return all.toString();
    }

    private static Pattern anyRole() {
        StringBuilder all = new StringBuilder();
        for (ColumnRole role : values()) {
            if (Pattern.compile(role.header).matcher("").groupCount() != 0) {
                throw new IllegalStateException("header words of " + role + " must use non-capturing groups");
            }
            all.append(all.length() == 0 ? "(" : "|(").append(role.header).append(')');
        }
        return Pattern.compile(all.toString());
    }

    /**
     * The header lower-cased, every run of other characters than a-z and 0-9 made one space, no space at
     * either end; by hand, since the first rows of every table and pasted list are tried as headers.
     */
    static String normal(String header) {
        StringBuilder normal = new StringBuilder(header.length());
        boolean gap = false;
        for (int i = 0; i < header.length(); i++) {
            char ch = header.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                ch = (char) (ch + ('a' - 'A'));
            } else if (ch >= 128) {
                // Lower-casing beyond ASCII can give a-z (the Kelvin sign gives k; a dotted capital I gives i
                // and a combining dot, which is not a-z): the lower-cased form decides, as toLowerCase would.
                String lower = String.valueOf(ch).toLowerCase(Locale.ROOT);
                ch = lower.length() == 1 ? lower.charAt(0) : ch;
                if (lower.length() > 1 && isNormal(lower.charAt(0))) {
                    gap = append(normal, lower.charAt(0), gap);
                    gap = true;
                    continue;
                }
            }
            gap = append(normal, ch, gap);
        }
        return normal.toString();
    }

    private static boolean isNormal(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    }

    /** Appends a character of the normal form; returns whether a gap is pending after it. */
    private static boolean append(StringBuilder normal, char ch, boolean gap) {
        if (!isNormal(ch)) {
            return true;
        }
        if (gap && normal.length() > 0) {
            normal.append(' ');
        }
        normal.append(ch);
        return false;
    }

    /** The header words, as a plain pattern over a header's normal form. */
    String headerWords() {
        return header;
    }

    /** The kind of personal data the column holds, if any. */
    public Optional<DataKind> kind() {
        return Optional.ofNullable(kind);
    }

    /** The special category the column's mere presence reveals, if any. */
    public Optional<SpecialCategory> special() {
        return Optional.ofNullable(special);
    }

    /**
     * The role a header names; {@link #UNKNOWN} when it names none (or is empty, or is "Column 3"). A
     * bilingual header ({@code Enw / Name}, {@code Cod post / Postcode}) names what either of its halves names.
     */
    public static ColumnRole of(String header) {
        ColumnRole role = ofOne(header);
        int slash = header == null ? -1 : header.indexOf('/');
        if (role != UNKNOWN || slash < 0) {
            return role;
        }
        role = ofOne(header.substring(0, slash));
        return role != UNKNOWN ? role : of(header.substring(slash + 1));
    }

    /** The role the whole header names, not split at a slash; {@link #UNKNOWN} when it names none. */
    static ColumnRole ofOne(String header) {
        if (header == null || header.length() > 60) {
            return UNKNOWN;
        }
        char first = firstNormal(header);
        if (first != 0 && (ROLES_BY_FIRST[first].length == 0 || !mayRead(ANY_WORDS, header))) {
            return UNKNOWN; // no header begins so, or is so: most data cells read as headers (numbers, names) end here
        }
        String normal = normal(header);
        if (normal.isEmpty()) {
            return UNKNOWN;
        }
        return byWords(normal);
    }

    /**
     * Whether the normal form of the header may be read by the automaton (a header's words), read as
     * {@link #normal} would make it, character by character; true (not known) for a header beyond ASCII.
     */
    static boolean mayRead(RunAutomaton words, String header) {
        int state = words.getInitialState();
        boolean gap = false;
        boolean any = false;
        for (int i = 0; i < header.length(); i++) {
            char ch = header.charAt(i);
            if (ch >= 128) {
                return true;
            }
            if (ch >= 'A' && ch <= 'Z') {
                ch = (char) (ch + ('a' - 'A'));
            }
            if (!isNormal(ch)) {
                gap = true;
                continue;
            }
            if (gap && any) {
                state = words.step(state, ' ');
            }
            state = state < 0 ? -1 : words.step(state, ch);
            if (state < 0) {
                return false;
            }
            gap = false;
            any = true;
        }
        return words.isAccept(state);
    }

    /**
     * The first character of the header's normal form, when only ASCII comes before it; 0 otherwise (a
     * character beyond ASCII first, or no letter or digit at all), and the normal form is then worked out.
     */
    static char firstNormal(String header) {
        for (int i = 0; i < header.length(); i++) {
            char ch = header.charAt(i);
            if (ch >= 128) {
                return 0;
            }
            if (ch >= 'A' && ch <= 'Z') {
                return (char) (ch + ('a' - 'A'));
            }
            if (isNormal(ch)) {
                return ch;
            }
        }
        return 0;
    }

    /**
     * The first role whose header words the normal form is, in declaration order, as the pattern of all roles
     * says ({@link #byAllRoles}; RecognisersTest compares them).
     */
    static ColumnRole byWords(String normal) {
        char first = normal.charAt(0);
        if (first >= 128 || ROLES_BY_FIRST[first] == null) {
            return byAllRoles(normal); // not a normal form: a-z, 0-9 and single spaces
        }
        for (ColumnRole role : ROLES_BY_FIRST[first]) {
            if (WORDS[role.ordinal()].run(normal)) {
                return role;
            }
        }
        return UNKNOWN;
    }

    /** The role named, from the pattern of all roles: the first whose words (group k + 1 for role k) match. */
    static ColumnRole byAllRoles(String normal) {
        Matcher m = ANY_ROLE.matcher(normal);
        if (!m.matches()) {
            return UNKNOWN;
        }
        for (int g = 1; g <= ROLES.length; g++) {
            if (m.start(g) >= 0) {
                return ROLES[g - 1];
            }
        }
        return UNKNOWN;
    }
}
