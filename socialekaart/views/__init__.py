"""The public pages of the sociale kaart: search, suggestions, detail, and the professionals' exports."""

from .detail_page import detail
from .exports import export_csv, export_pdf
from .search_page import search, suggestions

__all__ = ["detail", "export_csv", "export_pdf", "search", "suggestions"]
