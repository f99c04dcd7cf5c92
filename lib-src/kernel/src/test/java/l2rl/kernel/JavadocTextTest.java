package l2rl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavadocTextTest {

    @Test
    void inlineTagsAndHtmlBecomePlainText() {
        // As javac gives it: each line keeps the space after its "*".
        String javadoc = " Returns {@code a &lt; b} for the {@link java.util.List list}, see {@link Tasks#ids}.\n"
                + " <p>\n"
                + " Kinds:<ul><li>one</li><li>two</li></ul>\n"
                + " @param a the first";
        assertEquals("""
                Returns a < b for the list, see Tasks.ids.

                Kinds:
                  - one
                  - two

                @param a the first""", JavadocText.plain(javadoc));
    }
}
