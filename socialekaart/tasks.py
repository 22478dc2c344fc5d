"""Background work that keeps the sociale kaart's search index current."""

from django_tasks import task

from .search import get_backend


@task()
def index_voorzieningen(ids: list[str]) -> int:
    get_backend().index(ids)
    return len(ids)


@task()
def remove_voorzieningen(ids: list[str]) -> int:
    get_backend().remove(ids)
    return len(ids)


@task()
def synonyms_changed() -> None:
    get_backend().synonyms_changed()


@task()
def rebuild_search_index() -> int:
    return get_backend().rebuild()
