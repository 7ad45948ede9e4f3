package org.outward.detect.personal;

/** UK GDPR Article 9 special categories that show up in a party's data. */
public enum SpecialCategory {
    /** Voting intention, party support, canvass results. */
    POLITICAL_OPINION,
    HEALTH,
    ETHNICITY,
    RELIGION,
    TRADE_UNION_MEMBERSHIP
}
