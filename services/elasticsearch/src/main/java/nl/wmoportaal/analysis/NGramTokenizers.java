package nl.wmoportaal.analysis;

import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.TokenizerFactory;

/**
 * {@code edge_ngram} and {@code ngram} tokenizers: Lucene's EdgeNGramTokenizer / NGramTokenizer with
 * analysis-common's defaults ({@code min_gram} 1, {@code max_gram} 2) over all characters. The
 * {@code token_chars} option is not provided: a mapping that sets it fails on the test node.
 */
final class NGramTokenizers {
    private NGramTokenizers() {}

    static TokenizerFactory create(String name, Settings settings, boolean edge, IndexSettings indexSettings) {
        if (!settings.getAsList("token_chars").isEmpty() || settings.get("custom_token_chars") != null) {
            throw new IllegalArgumentException("[token_chars] is not provided by the wmo-analysis test plugin");
        }
        int minGram = settings.getAsInt("min_gram", 1);
        int maxGram = settings.getAsInt("max_gram", 2);
        if (!edge && maxGram - minGram > indexSettings.getMaxNgramDiff()) {
            throw new IllegalArgumentException(
                "The difference between max_gram and min_gram in NGram Tokenizer must be less than or equal to: ["
                    + indexSettings.getMaxNgramDiff() + "] but was [" + (maxGram - minGram) + "]. This limit can be set by changing the ["
                    + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey() + "] index level setting."
            );
        }
        return edge
            ? TokenizerFactory.newFactory(name, () -> new EdgeNGramTokenizer(minGram, maxGram))
            : TokenizerFactory.newFactory(name, () -> new NGramTokenizer(minGram, maxGram));
    }
}
