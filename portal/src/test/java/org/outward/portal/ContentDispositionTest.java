package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void quotesAndPathsCannotEscape() {
        assertThat(ContentDisposition.attachment("../../etc/\"passwd\r\n.csv"))
                .isEqualTo("attachment; filename=\"_passwd.csv\"; filename*=UTF-8''%22passwd.csv");
    }

    @Test
    void welshNamesKeepTheirLetters() {
        assertThat(ContentDisposition.attachment("Rhestr ŵyl.xlsx"))
                .isEqualTo("attachment; filename=\"Rhestr _yl.xlsx\"; filename*=UTF-8''Rhestr%20%C5%B5yl.xlsx");
    }

    @Test
    void emptyNamesBecomeDownload() {
        assertThat(ContentDisposition.attachment("...")).startsWith("attachment; filename=\"download\"");
    }
}
