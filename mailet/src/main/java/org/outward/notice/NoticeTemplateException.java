package org.outward.notice;

import java.util.List;

/** Notice templates that are missing or do not compile, each problem naming its file. */
public final class NoticeTemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public NoticeTemplateException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
