"""The current result list as CSV or PDF, for a professional to give a client.

The exports hold only what residents may see (no professionals' contacts, no capacity): the client
takes them home.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .. import export
from ..search import SearchQuery, SearchUnavailable, get_backend
from .access import is_professional
from .results import result_rows, vrije_plek_ids
from .search_page import search_form


def _refuse_unless_professional(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    if not is_professional(request.user):
        raise PermissionDenied
    return None


def _export_rows(request):
    """Every result of the visitor's search, page by page, up to the export limit."""
    form, _wijken = search_form(request.GET)
    query_kwargs = {**form.search_kwargs(), "voor_professionals": True, "per_page": export.PAGE_SIZE}
    if form.value_for("plek_vrij", False):
        query_kwargs["only_ids"] = vrije_plek_ids(query_kwargs)
    backend = get_backend()
    rows, page, total = [], 1, 0
    while len(rows) < export.LIMIT:
        results = backend.search(SearchQuery(page=page, **query_kwargs))
        total = results.total
        rows += result_rows(results.hits, professional=False, first_number=len(rows) + 1)
        if not results.hits or page >= results.num_pages:
            break
        page += 1
    return form, rows[: export.LIMIT], total


def _unavailable():
    return HttpResponse(
        _("Zoeken lukt nu even niet. Probeer het later opnieuw."),
        status=503,
        content_type="text/plain; charset=utf-8",
    )


def _attachment(body, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{export.filename(extension, timezone.localdate())}"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def export_csv(request):
    if refused := _refuse_unless_professional(request):
        return refused
    try:
        _form, rows, _total = _export_rows(request)
    except SearchUnavailable:
        return _unavailable()
    return _attachment(export.rows_to_csv(rows), "text/csv; charset=utf-8", "csv")


@require_safe
def export_pdf(request):
    if refused := _refuse_unless_professional(request):
        return refused
    try:
        form, rows, total = _export_rows(request)
    except SearchUnavailable:
        return _unavailable()
    pdf = export.rows_to_pdf(
        rows, total=total, description=export.describe_search(form), made_on=timezone.localdate()
    )
    return _attachment(pdf, "application/pdf", "pdf")
