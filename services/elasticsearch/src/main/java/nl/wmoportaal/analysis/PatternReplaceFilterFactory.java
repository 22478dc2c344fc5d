package nl.wmoportaal.analysis;

import java.util.regex.Pattern;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.elasticsearch.common.regex.Regex;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * {@code pattern_replace}: Lucene's PatternReplaceFilter, with {@code pattern} (required, Java syntax, with
 * {@code flags}), {@code replacement} (default empty) and {@code all} (default true), as analysis-common reads
 * them.
 */
final class PatternReplaceFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
    private final Pattern pattern;
    private final String replacement;
    private final boolean all;

    PatternReplaceFilterFactory(String name, Settings settings) {
        super(name, settings);
        String source = settings.get("pattern");
        if (source == null) {
            throw new IllegalArgumentException("pattern is missing for [" + name + "] token filter of type 'pattern_replace'");
        }
        this.pattern = Regex.compile(source, settings.get("flags"));
        this.replacement = settings.get("replacement", "");
        this.all = settings.getAsBoolean("all", true);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new PatternReplaceFilter(tokenStream, pattern, replacement, all);
    }
}
