"""Reading a PDF the way a reader and a screen reader meet it: its text per page, the size of each piece of
text in points, and the marks of a tagged PDF (structure tree, language, title)."""

import io
from dataclasses import dataclass

from pypdf import PdfReader


@dataclass(frozen=True)
class Piece:
    text: str
    points: float
    page: int


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def pieces(pdf: bytes) -> list[Piece]:
    """Every piece of visible text with its size on paper (the font size times the text and page scale)."""
    found = []
    for number, page in enumerate(reader(pdf).pages, start=1):

        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                # The vertical scale of text matrix times page matrix; WeasyPrint draws in CSS pixels.
                scale = abs(tm[2] * cm[1] + tm[3] * cm[3])
                found.append(Piece(text.strip(), round(size * scale, 2), number))

        page.extract_text(visitor_text=visit)
    return found


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in reader(pdf).pages]


def text(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def smallest_text(pdf: bytes) -> Piece:
    return min(pieces(pdf), key=lambda piece: piece.points)


def tagged_facts(pdf: bytes) -> dict:
    """What makes a PDF accessible: a structure tree, marked content, the language and a shown title."""
    document = reader(pdf)
    root = document.trailer["/Root"]
    preferences = root.get("/ViewerPreferences", {})
    return {
        "structure": "/StructTreeRoot" in root,
        "marked": bool(root.get("/MarkInfo", {}).get("/Marked")),
        "lang": str(root.get("/Lang", "")),
        "title": (document.metadata or {}).get("/Title"),
        "shows_title": bool(preferences.get("/DisplayDocTitle")),
        "roles": structure_roles(root),
    }


def structure_roles(root) -> set[str]:
    """The kinds of structure elements in the tree: /H1, /P, /L, /LI, /Table, ..."""
    roles = set()
    seen = set()
    stack = [root.get("/StructTreeRoot")]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if hasattr(node, "idnum"):
            if node.idnum in seen:
                continue
            seen.add(node.idnum)
        node = node.get_object()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not hasattr(node, "get"):
            continue
        if "/S" in node:
            roles.add(str(node["/S"]))
        kids = node.get("/K")
        if kids is not None:
            stack.extend(kids if isinstance(kids, list) else [kids])
    return roles
