package nl.wmoportaal.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.synonyms.SynonymsManagementAPIService;

/**
 * {@code synonym_graph}: Lucene's SynonymGraphFilter over a SynonymMap parsed in the Solr format by Lucene's
 * SolrSynonymParser, with the rules analysed by the filters before it in the chain, as analysis-common does.
 * Rules come from {@code synonyms} (inline), {@code synonyms_path} (a file in the config folder) or
 * {@code synonyms_set} (a set of the synonyms API, stored by the server in its .synonyms index).
 * {@code updateable: true} makes it a search-time filter that {@code _reload_search_analyzers} and every
 * change through the synonyms API reload; a set is read only on such a reload, as in analysis-common, so an
 * index starts with no synonyms until the node reloads its analyzers. {@code expand} (default true) and
 * {@code lenient} (default: the value of {@code updateable}; rules whose words analyse to nothing are skipped)
 * as there. Not provided: {@code format: wordnet}.
 */
final class SynonymGraphFilterFactory extends AbstractTokenFilterFactory {
    private final Settings settings;
    private final Environment environment;
    private final Supplier<SynonymsManagementAPIService> synonymsService;
    private final AnalysisMode analysisMode;
    private final boolean expand;
    private final boolean lenient;

    SynonymGraphFilterFactory(
        String name,
        Settings settings,
        Environment environment,
        Supplier<SynonymsManagementAPIService> synonymsService
    ) {
        super(name, settings);
        this.settings = settings;
        this.environment = environment;
        this.synonymsService = synonymsService;
        boolean updateable = settings.getAsBoolean("updateable", false);
        this.analysisMode = updateable ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
        this.expand = settings.getAsBoolean("expand", true);
        this.lenient = settings.getAsBoolean("lenient", updateable);
        if ("wordnet".equalsIgnoreCase(settings.get("format", ""))) {
            throw new IllegalArgumentException("[format: wordnet] is not provided by the wmo-analysis test plugin");
        }
        if (!settings.hasValue("synonyms") && !settings.hasValue("synonyms_set") && !settings.hasValue("synonyms_path")) {
            throw new IllegalArgumentException("synonym requires either `synonyms`, `synonyms_set` or `synonyms_path` to be configured");
        }
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return analysisMode;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        throw new IllegalStateException("Call getChainAwareTokenFilterFactory to specialize this factory for an analysis chain first");
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        Analyzer analyzer = new CustomAnalyzer(
            tokenizer,
            charFilters.toArray(new CharFilterFactory[0]),
            previousTokenFilters.stream().map(TokenFilterFactory::getSynonymFilter).toArray(TokenFilterFactory[]::new)
        );
        String resource = settings.get("synonyms_set");
        SynonymMap map = build(analyzer, rules(context));
        String name = name();
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream tokenStream) {
                return map.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, map, false);
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                return IDENTITY_FILTER; // synonyms are not applied to the rules of a later synonym filter
            }

            @Override
            public AnalysisMode getAnalysisMode() {
                return analysisMode;
            }

            @Override
            public String getResourceName() {
                return resource;
            }
        };
    }

    private Reader rules(IndexCreationContext context) {
        if (settings.hasValue("synonyms")) {
            StringBuilder text = new StringBuilder();
            for (String line : Analysis.getWordList(environment, settings, "synonyms")) {
                text.append(line).append(System.lineSeparator());
            }
            return new StringReader(text.toString());
        }
        if (settings.hasValue("synonyms_set")) {
            if (analysisMode != AnalysisMode.SEARCH_TIME) {
                throw new IllegalArgumentException(
                    "Can't apply [synonyms_set]! Loading synonyms from index is supported only for search time synonyms!"
                );
            }
            if (context != IndexCreationContext.RELOAD_ANALYZERS) {
                return new StringReader(""); // never block index creation on reading the set
            }
            return Analysis.getReaderFromIndex(settings.get("synonyms_set"), synonymsService.get(), lenient);
        }
        return Analysis.getReaderFromFile(environment, settings.get("synonyms_path"), "synonyms");
    }

    private SynonymMap build(Analyzer analyzer, Reader rules) {
        try {
            Parser parser = new Parser(expand, lenient, analyzer);
            parser.parse(rules);
            return parser.build();
        } catch (Exception e) {
            throw new IllegalArgumentException("failed to build synonyms for [" + name() + "]", e);
        }
    }

    /** Lucene's Solr-format parser; when lenient, a rule whose words analyse to nothing is skipped. */
    private static final class Parser extends SolrSynonymParser {
        private final boolean lenient;

        Parser(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (lenient == false || (input.length > 0 && output.length > 0)) {
                super.add(input, output, includeOrig);
            }
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            try {
                return super.analyze(text, reuse);
            } catch (IllegalArgumentException e) {
                if (lenient) {
                    return new CharsRef();
                }
                throw e;
            }
        }
    }
}
