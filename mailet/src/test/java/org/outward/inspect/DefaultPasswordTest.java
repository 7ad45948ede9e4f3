package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.poifs.crypt.Decryptor;
import org.junit.jupiter.api.Test;
import org.outward.protect.OfficeFiles;
import org.outward.protect.ProtectionLevel;

/** A workbook under Excel's built-in default password is read like an unencrypted one: the key is public. */
class DefaultPasswordTest extends WithCheckingInspector {

    @Test
    void anXlsxUnderTheDefaultPasswordIsRead() throws Exception {
        InspectedPart part = inspect("members.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", OfficeFiles.encryptedXlsx(Decryptor.DEFAULT_PASSWORD));

        assertThat(part.protection().level()).isEqualTo(ProtectionLevel.NONE);
        assertThat(part.text().text()).contains("Rhiannon Pryce", "CF24 3AA");
    }

    @Test
    void anXlsUnderTheDefaultPasswordIsRead() throws Exception {
        InspectedPart part = inspect("members.xls", "application/vnd.ms-excel", OfficeFiles.encryptedXls(Decryptor.DEFAULT_PASSWORD));

        assertThat(part.protection().level()).isEqualTo(ProtectionLevel.NONE);
        assertThat(part.text().text()).contains("Rhiannon Pryce", "CF24 3AA");
    }

    private static InspectedPart inspect(String name, String type, byte[] bytes) {
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("v1",
                Mail.attachment(type, "; filename=" + name, bytes))));
        assertThat(inspection.findings()).isEmpty();
        return inspection.part("1/" + name).orElseThrow();
    }
}
