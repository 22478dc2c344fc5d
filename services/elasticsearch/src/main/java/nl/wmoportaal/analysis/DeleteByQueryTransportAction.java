package nl.wmoportaal.analysis;

import java.util.ArrayList;
import java.util.List;

import org.elasticsearch.action.ActionListener;
import org.elasticsearch.action.bulk.BulkItemResponse;
import org.elasticsearch.action.bulk.BulkRequest;
import org.elasticsearch.action.delete.DeleteRequest;
import org.elasticsearch.action.search.SearchRequest;
import org.elasticsearch.action.support.ActionFilters;
import org.elasticsearch.action.support.HandledTransportAction;
import org.elasticsearch.action.support.WriteRequest;
import org.elasticsearch.client.internal.Client;
import org.elasticsearch.common.util.concurrent.EsExecutors;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.index.reindex.BulkByScrollResponse;
import org.elasticsearch.index.reindex.BulkByScrollTask;
import org.elasticsearch.index.reindex.DeleteByQueryAction;
import org.elasticsearch.index.reindex.DeleteByQueryRequest;
import org.elasticsearch.injection.guice.Inject;
import org.elasticsearch.search.SearchHit;
import org.elasticsearch.search.builder.SearchSourceBuilder;
import org.elasticsearch.tasks.Task;
import org.elasticsearch.transport.TransportService;

/**
 * The delete-by-query transport action, which the server's synonyms API calls to replace or delete a synonyms
 * set. In a standard distribution the reindex module provides it; the test distribution lacks that module.
 * This one searches the request's query (up to 10,000 hits a round, no scroll), deletes the hits in one bulk
 * request that refreshes, and repeats until nothing matches. No REST endpoint, no slicing, throttling or
 * conflict handling: enough for the synonyms API, whose sets are small.
 */
public final class DeleteByQueryTransportAction extends HandledTransportAction<DeleteByQueryRequest, BulkByScrollResponse> {
    private static final int ROUND = 10_000;
    private static final int MAX_ROUNDS = 100;

    private final Client client;

    @Inject
    public DeleteByQueryTransportAction(TransportService transportService, ActionFilters actionFilters, Client client) {
        super(DeleteByQueryAction.NAME, transportService, actionFilters, DeleteByQueryRequest::new, EsExecutors.DIRECT_EXECUTOR_SERVICE);
        this.client = client;
    }

    @Override
    protected void doExecute(Task task, DeleteByQueryRequest request, ActionListener<BulkByScrollResponse> listener) {
        round(request, System.nanoTime(), 0, 0, new ArrayList<>(), listener);
    }

    private void round(
        DeleteByQueryRequest request,
        long started,
        int rounds,
        long deleted,
        List<BulkItemResponse.Failure> failures,
        ActionListener<BulkByScrollResponse> listener
    ) {
        SearchRequest original = request.getSearchRequest();
        SearchSourceBuilder source = original.source() == null ? new SearchSourceBuilder() : original.source().shallowCopy();
        source.size(ROUND).fetchSource(false).trackTotalHits(false);
        SearchRequest search = new SearchRequest(original.indices()).source(source)
            .indicesOptions(original.indicesOptions())
            .routing(original.routing());
        client.search(search, listener.delegateFailureAndWrap((searched, response) -> {
            SearchHit[] hits = response.getHits().getHits();
            if (hits.length == 0 || rounds >= MAX_ROUNDS || failures.isEmpty() == false) {
                searched.onResponse(done(started, rounds, deleted, failures));
                return;
            }
            BulkRequest bulk = new BulkRequest().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
            for (SearchHit hit : hits) {
                bulk.add(new DeleteRequest(hit.getIndex(), hit.getId()).routing(hit.field("_routing") == null ? null : hit.field("_routing").getValue()));
            }
            client.bulk(bulk, searched.delegateFailureAndWrap((bulked, bulkResponse) -> {
                long count = deleted;
                for (BulkItemResponse item : bulkResponse.getItems()) {
                    if (item.isFailed()) {
                        failures.add(item.getFailure());
                    } else {
                        count++;
                    }
                }
                round(request, started, rounds + 1, count, failures, bulked);
            }));
        }));
    }

    private static BulkByScrollResponse done(long started, int rounds, long deleted, List<BulkItemResponse.Failure> failures) {
        BulkByScrollTask.Status status = new BulkByScrollTask.Status(
            null, deleted + failures.size(), 0, 0, deleted, rounds, 0, 0, 0, 0, TimeValue.ZERO, Float.POSITIVE_INFINITY, null, TimeValue.ZERO
        );
        return new BulkByScrollResponse(TimeValue.timeValueNanos(System.nanoTime() - started), status, failures, List.of(), false);
    }
}
