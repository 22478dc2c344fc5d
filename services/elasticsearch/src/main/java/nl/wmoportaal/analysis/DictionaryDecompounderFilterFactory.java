package nl.wmoportaal.analysis;

import java.util.List;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;

/**
 * {@code dictionary_decompounder}: Lucene's DictionaryCompoundWordTokenFilter, with the settings
 * analysis-common reads ({@code word_list} or {@code word_list_path}, {@code min_word_size} 5,
 * {@code min_subword_size} 2, {@code max_subword_size} 15, {@code only_longest_match} false). The word list is
 * matched case-insensitively, as in analysis-common. A filter without a word list passes tokens through.
 */
final class DictionaryDecompounderFilterFactory extends AbstractTokenFilterFactory {
    private final CharArraySet words;
    private final int minWordSize;
    private final int minSubwordSize;
    private final int maxSubwordSize;
    private final boolean onlyLongestMatch;

    DictionaryDecompounderFilterFactory(Environment environment, String name, Settings settings) {
        super(name, settings);
        // The synonyms API builds every registered filter with empty settings to check a set: without a word
        // list the filter passes tokens through instead of refusing.
        List<String> list = Analysis.getWordList(environment, settings, "word_list");
        this.words = list == null || list.isEmpty() ? null : new CharArraySet(list, true);
        this.minWordSize = settings.getAsInt("min_word_size", CompoundWordTokenFilterBase.DEFAULT_MIN_WORD_SIZE);
        this.minSubwordSize = settings.getAsInt("min_subword_size", CompoundWordTokenFilterBase.DEFAULT_MIN_SUBWORD_SIZE);
        this.maxSubwordSize = settings.getAsInt("max_subword_size", CompoundWordTokenFilterBase.DEFAULT_MAX_SUBWORD_SIZE);
        this.onlyLongestMatch = settings.getAsBoolean("only_longest_match", false);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (words == null) {
            return tokenStream;
        }
        return new DictionaryCompoundWordTokenFilter(
            tokenStream, words, minWordSize, minSubwordSize, maxSubwordSize, onlyLongestMatch
        );
    }
}
