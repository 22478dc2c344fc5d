package nl.wmoportaal.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code edge_ngram} and {@code ngram} token filters: Lucene's EdgeNGramTokenFilter / NGramTokenFilter with
 * analysis-common's settings and defaults ({@code min_gram} 1, {@code max_gram} 2, {@code preserve_original}
 * false; {@code side: back} for edge n-grams from the end; an n-gram spread wider than
 * {@code index.max_ngram_diff} is refused).
 */
final class NGramFilterFactory extends AbstractTokenFilterFactory {
    private final boolean edge;
    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;
    private final boolean fromBack;

    NGramFilterFactory(String name, Settings settings, boolean edge, IndexSettings indexSettings) {
        super(name, settings);
        this.edge = edge;
        this.minGram = settings.getAsInt("min_gram", 1);
        this.maxGram = settings.getAsInt("max_gram", 2);
        this.preserveOriginal = settings.getAsBoolean("preserve_original", false);
        this.fromBack = "back".equalsIgnoreCase(settings.get("side", "front"));
        if (!edge) {
            int allowed = indexSettings.getMaxNgramDiff();
            if (maxGram - minGram > allowed) {
                throw new IllegalArgumentException(
                    "The difference between max_gram and min_gram in NGram Tokenizer must be less than or equal to: ["
                        + allowed + "] but was [" + (maxGram - minGram) + "]. This limit can be set by changing the ["
                        + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey() + "] index level setting."
                );
            }
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (!edge) {
            return new NGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
        }
        if (fromBack) {
            TokenStream reversed = new ReverseStringFilter(tokenStream);
            return new ReverseStringFilter(new EdgeNGramTokenFilter(reversed, minGram, maxGram, preserveOriginal));
        }
        return new EdgeNGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
    }
}
