package io.layernas.cli.results;

import io.layernas.cli.format.Numbers;
import java.util.List;
import java.util.Map;

/** A small static HTML page: a title, key-value facts, tables and images. Not thread-safe. */
public final class HtmlPage {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    /** A page titled {@code title}. */
    public HtmlPage(String title) {
        this.title = title;
    }

    /** A heading. */
    public HtmlPage heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /** A paragraph of plain text. */
    public HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A two-column table of facts. */
    public HtmlPage facts(Map<String, String> facts) {
        body.append("<table class=\"facts\">\n");
        facts.forEach((k, v) -> body.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(v))
                .append("</td></tr>\n"));
        body.append("</table>\n");
        return this;
    }

    /** A table with a header row. */
    public HtmlPage table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            row.forEach(cell -> body.append("<td>").append(escape(cell)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** A plot: the SVG shown, the PNG linked. */
    public HtmlPage plot(String baseName, String caption) {
        body.append("<figure><img src=\"").append(baseName).append(".svg\" alt=\"").append(escape(caption))
                .append("\" width=\"800\"><figcaption>").append(escape(caption)).append(" (<a href=\"")
                .append(baseName).append(".png\">PNG</a>, <a href=\"").append(baseName)
                .append(".svg\">SVG</a>)</figcaption></figure>\n");
        return this;
    }

    /** Links to files. */
    public HtmlPage links(List<String> files) {
        body.append("<ul>\n");
        files.forEach(f -> body.append("<li><a href=\"").append(f).append("\">").append(escape(f))
                .append("</a></li>\n"));
        body.append("</ul>\n");
        return this;
    }

    /** The document. */
    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\nbody{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}\n"
                + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:3px 8px;"
                + "text-align:left;font-size:13px}\ntable.facts th{background:#f4f4f4}\n"
                + "figure{margin:1em 0}figcaption{font-size:13px;color:#555}\n</style>\n</head>\n<body>\n<h1>"
                + escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
    }

    /** A number for a table cell. */
    public static String number(double value) {
        return Numbers.format(value);
    }

    /** Escapes text for HTML. */
    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
