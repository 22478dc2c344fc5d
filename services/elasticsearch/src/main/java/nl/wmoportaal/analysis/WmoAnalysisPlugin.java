package nl.wmoportaal.analysis;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.action.ActionRequest;
import org.elasticsearch.action.ActionResponse;
import org.elasticsearch.index.reindex.DeleteByQueryAction;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.MapperPlugin;
import org.elasticsearch.index.mapper.Mapper;
import org.elasticsearch.index.mapper.TextFieldMapper;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.synonyms.SynonymsManagementAPIService;

/**
 * The analysis components of Elasticsearch's analysis-common module that the Wmo-portaal's mappings use, for
 * the test node, whose distribution (integ-test-zip) lacks that module. Each is registered under the name
 * analysis-common gives it and builds the same Lucene filter or tokenizer from the same settings, so the
 * production mapping runs unchanged here and on a standard cluster:
 *
 * <ul>
 *   <li>token filters {@code asciifolding} (also pre-configured, usable in normalizers), {@code stemmer},
 *       {@code edge_ngram}, {@code ngram}, {@code synonym_graph} (inline {@code synonyms},
 *       {@code synonyms_path}, or {@code synonyms_set} from the synonyms API, {@code updateable}),
 *       {@code dictionary_decompounder} (Dutch compounds split on a word list), {@code pattern_replace};</li>
 *   <li>tokenizers {@code edge_ngram} and {@code ngram}.</li>
 * </ul>
 *
 * Analysis-common must not be installed beside it: the names would clash.
 *
 * <p>It also gives the node the delete-by-query transport action (of the reindex module, also absent), which
 * the server's synonyms API needs to replace a set; see {@link DeleteByQueryTransportAction}, and the
 * {@code match_only_text} field type of the mapper-extras module (also absent), which the synonyms API's
 * system index declares: here it is an ordinary {@code text} field, which answers the same queries (with
 * scores from norms and positions that match_only_text leaves out). The portal's own mappings do not use it.
 */
public class WmoAnalysisPlugin extends Plugin implements AnalysisPlugin, ActionPlugin, MapperPlugin {

    private final AtomicReference<SynonymsManagementAPIService> synonyms = new AtomicReference<>();

    @Override
    public Collection<?> createComponents(PluginServices services) {
        SynonymsManagementAPIService service = new SynonymsManagementAPIService(services.client());
        synonyms.set(service);
        return List.of();
    }

    @Override
    public List<ActionHandler<? extends ActionRequest, ? extends ActionResponse>> getActions() {
        return List.of(new ActionHandler<>(DeleteByQueryAction.INSTANCE, DeleteByQueryTransportAction.class));
    }

    @Override
    public Map<String, Mapper.TypeParser> getMappers() {
        return Map.of("match_only_text", TextFieldMapper.PARSER);
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "asciifolding", (indexSettings, env, name, settings) -> new AsciiFoldingFilterFactory(name, settings),
            "stemmer", (indexSettings, env, name, settings) -> new StemmerFilterFactory(name, settings),
            "edge_ngram", (indexSettings, env, name, settings) -> new NGramFilterFactory(name, settings, true, indexSettings),
            "ngram", (indexSettings, env, name, settings) -> new NGramFilterFactory(name, settings, false, indexSettings),
            "dictionary_decompounder",
            (indexSettings, env, name, settings) -> new DictionaryDecompounderFilterFactory(env, name, settings),
            // As in analysis-common: made only where an index's analysis names it (it has no default pattern).
            "pattern_replace", AnalysisPlugin.requiresAnalysisSettings(
                (indexSettings, env, name, settings) -> new PatternReplaceFilterFactory(name, settings)
            ),
            "synonym_graph", AnalysisPlugin.requiresAnalysisSettings(
                (indexSettings, env, name, settings) -> new SynonymGraphFilterFactory(name, settings, env, synonyms::get)
            )
        );
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new));
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "edge_ngram", (indexSettings, env, name, settings) -> NGramTokenizers.create(name, settings, true, indexSettings),
            "ngram", (indexSettings, env, name, settings) -> NGramTokenizers.create(name, settings, false, indexSettings)
        );
    }
}
