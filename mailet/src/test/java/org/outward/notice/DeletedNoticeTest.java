package org.outward.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The deletion notice: the Welsh one has no word a Welsh reader would meet only in the English one (the sender's own
 * subject and addresses aside), both quote the subject and recipients and nothing else of the mail, and the HTML
 * escapes what the sender wrote.
 */
class DeletedNoticeTest {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    /** Welsh words spelt like English ones: "a" (and, which), "at" (to). */
    private static final Set<String> HOMOGRAPHS = Set.of("a", "at");

    @Test
    void theWelshNoticeIsWelshAndQuotesOnlyTheSubjectAndRecipients() {
        List<String> recipients = List.of("alex.agent@example.org", "kim@example.net");
        Notice welsh = DeletedNotice.of("Ward <4> returns", recipients, "cy");
        Notice english = DeletedNotice.of("Ward <4> returns", recipients, "en");

        Set<String> englishWords = words(english.subject() + " " + english.text());
        Set<String> leaks = new TreeSet<>();
        for (String word : words(welsh.subject() + " " + welsh.text())) {
            if (englishWords.contains(word) && !HOMOGRAPHS.contains(word)) {
                leaks.add(word);
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(welsh.text()).contains("\"Ward <4> returns\"", "alex.agent@example.org, kim@example.net");
        assertThat(welsh.html()).contains("Ward &lt;4&gt; returns").doesNotContain("<4>");
        assertThat(DeletedNotice.of("x", recipients, "both").text()).startsWith("Mae gweinyddwr")
                .contains("An administrator deleted");
    }

    private static Set<String> words(String text) {
        Set<String> words = new TreeSet<>();
        Matcher word = WORD.matcher(text.replace("Ward <4> returns", " ").replaceAll("\\S+@\\S+", " "));
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }
}
