package nl.wmoportaal.analysis;

import java.util.Locale;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.KpStemmer;

/**
 * {@code stemmer}: the Dutch and English languages, with the Lucene stemmers analysis-common picks for them
 * ({@code dutch}: Snowball's DutchStemmer; {@code dutch_kp}: Kraaij-Pohlmann; {@code english} and the default
 * {@code porter}: PorterStemFilter; {@code porter2}: Snowball's English; {@code light_english}: KStem;
 * {@code minimal_english}, {@code possessive_english}). Any other language is refused, so a mapping that
 * needs one fails loudly on the test node.
 */
final class StemmerFilterFactory extends AbstractTokenFilterFactory {
    private final Function<TokenStream, TokenStream> stemmer;

    StemmerFilterFactory(String name, Settings settings) {
        super(name, settings);
        String language = settings.get("language", settings.get("name", "porter"));
        this.stemmer = switch (language.toLowerCase(Locale.ROOT)) {
            case "dutch" -> stream -> new SnowballFilter(stream, new DutchStemmer());
            case "dutch_kp", "dutchkp", "kp" -> stream -> new SnowballFilter(stream, new KpStemmer());
            case "english", "porter" -> PorterStemFilter::new;
            case "porter2" -> stream -> new SnowballFilter(stream, new EnglishStemmer());
            case "light_english", "lightenglish", "kstem" -> KStemFilter::new;
            case "minimal_english", "minimalenglish" -> EnglishMinimalStemFilter::new;
            case "possessive_english", "possessiveenglish" -> EnglishPossessiveFilter::new;
            default -> throw new IllegalArgumentException(
                "stemmer language [" + language + "] is not provided by the wmo-analysis test plugin"
            );
        };
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}
