package org.outward.inspect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML events into plain text and tables, up to a character bound.
 *
 * <p>Tika writes spreadsheets as one {@code <table>} per sheet after an {@code <h1>} with the sheet name, CSV/TSV
 * as a single table, and document and HTML tables as tables too; so one handler serves every format.
 *
 * <p>It is also the way a timed-out parse is stopped: once {@link #cancel()} is called, the next event throws, which
 * ends a parser that ignores thread interrupts as soon as it produces output.
 */
final class TextCollector extends DefaultHandler {

    /** Thrown through the parser to stop it; recognised by {@link #stopped()}. */
    static final class Stop extends SAXException {
        Stop(String why) {
            super(why);
        }
    }

    private final int maxChars;
    private final StringBuilder text = new StringBuilder();
    private final List<ExtractedText.Table> tables = new ArrayList<>();
    private final Deque<TableBuilder> open = new ArrayDeque<>();
    private StringBuilder heading;
    private boolean inDocument;
    /** Bodies open: an embedded document's XHTML may nest inside the outer one. */
    private int bodies;
    private String lastHeading = "";
    private int anonymousTables;
    private volatile boolean cancelled;
    private final long deadline;
    private boolean timedOut;
    private boolean limitReached;

    TextCollector(int maxChars) {
        this(maxChars, Long.MAX_VALUE);
    }

    /** @param deadline {@link System#nanoTime()} after which the next event stops the parse */
    TextCollector(int maxChars, long deadline) {
        this.maxChars = maxChars;
        this.deadline = deadline;
    }

    void cancel() {
        cancelled = true;
    }

    /** Whether the deadline stopped the parse. */
    boolean timedOut() {
        return timedOut;
    }

    boolean limitReached() {
        return limitReached;
    }

    boolean stopped() {
        return limitReached || cancelled;
    }

    /** What was collected so far; safe to call after the parse ended or was abandoned. */
    synchronized ExtractedText result(boolean truncated) {
        List<ExtractedText.Table> all = new ArrayList<>(tables);
        // Tables still open when the parse stopped are kept: their first rows hold the headers detectors need.
        for (TableBuilder t : open) {
            all.add(t.build());
        }
        return new ExtractedText(text.toString(), all, truncated || stopped());
    }

    @Override
    public synchronized void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        check();
        switch (name(localName, qName)) {
            case "html" -> inDocument = true;
            case "body" -> bodies++;
            case "table" -> {
                String tableName = lastHeading.isEmpty() ? "table " + (++anonymousTables) : lastHeading;
                lastHeading = "";
                open.push(new TableBuilder(tableName));
            }
            case "tr" -> {
                if (!open.isEmpty()) {
                    open.peek().row();
                }
            }
            case "td", "th" -> {
                if (!open.isEmpty()) {
                    open.peek().cell();
                }
            }
            case "h1", "h2", "h3" -> heading = new StringBuilder();
            default -> {
            }
        }
    }

    @Override
    public synchronized void endElement(String uri, String localName, String qName) throws SAXException {
        check();
        switch (name(localName, qName)) {
            case "table" -> {
                if (!open.isEmpty()) {
                    tables.add(open.pop().build());
                }
                append("\n");
            }
            case "td", "th" -> {
                if (!open.isEmpty()) {
                    open.peek().endCell();
                }
                append("\t");
            }
            case "h1", "h2", "h3" -> {
                if (heading != null) {
                    lastHeading = heading.toString().strip();
                    heading = null;
                }
                append("\n");
            }
            case "tr", "p", "div", "br", "li" -> append("\n");
            case "body" -> bodies = Math.max(0, bodies - 1);
            default -> {
            }
        }
    }

    @Override
    public synchronized void characters(char[] ch, int start, int length) throws SAXException {
        check();
        // Tika's head (title, metadata, and the whitespace it indents them with) is not the part's text:
        // kept, it shifted every line number a detector reports.
        if (inDocument && bodies == 0) {
            return;
        }
        int room = maxChars - text.length();
        int take = Math.min(room, length);
        if (take > 0) {
            text.append(ch, start, take);
            if (heading != null) {
                heading.append(ch, start, take);
            }
            if (!open.isEmpty()) {
                open.peek().text(ch, start, take);
            }
        }
        if (take < length) {
            limitReached = true;
            throw new Stop("text limit");
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    private void append(String s) throws SAXException {
        characters(s.toCharArray(), 0, s.length());
    }

    private void check() throws SAXException {
        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
            timedOut = true;
            cancelled = true;
        }
        if (cancelled) {
            throw new Stop("cancelled");
        }
        if (limitReached) {
            throw new Stop("text limit");
        }
    }

    private static String name(String localName, String qName) {
        return (localName == null || localName.isEmpty() ? qName : localName).toLowerCase(java.util.Locale.ROOT);
    }

    private static final class TableBuilder {
        private final String name;
        private final List<List<String>> rows = new ArrayList<>();
        private List<String> row;
        private StringBuilder cell;

        TableBuilder(String name) {
            this.name = name;
        }

        void row() {
            row = new ArrayList<>();
            rows.add(row);
        }

        void cell() {
            if (row == null) {
                row();
            }
            cell = new StringBuilder();
        }

        void text(char[] ch, int start, int length) {
            if (cell != null) {
                cell.append(ch, start, length);
            }
        }

        void endCell() {
            if (cell != null && row != null) {
                row.add(cell.toString().strip());
            }
            cell = null;
        }

        ExtractedText.Table build() {
            return new ExtractedText.Table(name, rows);
        }
    }
}
