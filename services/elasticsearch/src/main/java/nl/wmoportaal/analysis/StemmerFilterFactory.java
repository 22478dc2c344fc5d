package nl.wmoportaal.analysis;

import java.util.Locale;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.KpStemmer;

/**
 * {@code stemmer}: the languages the portal uses, with the Lucene stemmers analysis-common picks for them
 * ({@code dutch}: Snowball's DutchStemmer; {@code dutch_kp}: Kraaij-Pohlmann; {@code english}: Snowball's
 * English). Any other language is refused, so a mapping that needs one fails loudly on the test node.
 */
final class StemmerFilterFactory extends AbstractTokenFilterFactory {
    private final Function<TokenStream, TokenStream> stemmer;

    StemmerFilterFactory(String name, Settings settings) {
        super(name, settings);
        String language = settings.get("language", settings.get("name", "porter"));
        this.stemmer = switch (language.toLowerCase(Locale.ROOT)) {
            case "dutch" -> stream -> new SnowballFilter(stream, new DutchStemmer());
            case "dutch_kp", "dutchkp", "kp" -> stream -> new SnowballFilter(stream, new KpStemmer());
            case "english" -> stream -> new SnowballFilter(stream, new EnglishStemmer());
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
