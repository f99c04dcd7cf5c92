package l2rl.kernel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Javadoc comments as plain text for an inspection tooltip or pager: inline tags resolved, HTML dropped. */
final class JavadocText {

    private static final Pattern LINK = Pattern.compile("\\{@link(?:plain)?\\s+([^\\s}]+)\\s*([^}]*)}");
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@\\w+\\s*([^}]*)}");
    private static final Pattern PARAGRAPH = Pattern.compile("(?i)\\s*<(p|br|/?ul|/?ol|/?pre|/?blockquote)\\b[^>]*>\\s*");
    private static final Pattern LIST_ITEM = Pattern.compile("(?i)\\s*<li\\b[^>]*>\\s*");
    private static final Pattern ANY_TAG = Pattern.compile("<[^>]+>");

    private JavadocText() {
    }

    static String plain(String javadoc) {
        // javac keeps the space that follows each line's "*".
        String text = javadoc.replaceAll("(?m)^ ", "");
        // {@link Type#member label} reads as its label, or as Type.member without one.
        text = LINK.matcher(text).replaceAll(link -> Matcher.quoteReplacement(link.group(2).isBlank()
                ? link.group(1).replaceFirst("^#", "").replace('#', '.')
                : link.group(2).strip()));
        text = INLINE_TAG.matcher(text).replaceAll(tag -> Matcher.quoteReplacement(tag.group(1)));
        text = PARAGRAPH.matcher(text).replaceAll("\n\n");
        text = LIST_ITEM.matcher(text).replaceAll("\n  - ");
        text = ANY_TAG.matcher(text).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#64;", "@")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        return text.replaceAll("\n{3,}", "\n\n").strip();
    }
}
