from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe

from portal.begrippen import explain_terms

register = template.Library()


@register.tag(name="explainterms")
def do_explainterms(parser, token):
    """{% explainterms [cache_key] %}...{% endexplainterms %}: explain the first use of each begrip.

    With a cache key (which must change with the content, e.g. the page revision) the result is cached.
    """
    bits = token.split_contents()
    key = parser.compile_filter(bits[1]) if len(bits) > 1 else None
    nodelist = parser.parse(("endexplainterms",))
    parser.delete_first_token()
    return ExplainTermsNode(nodelist, key)


class ExplainTermsNode(template.Node):
    def __init__(self, nodelist, key=None):
        self.nodelist = nodelist
        self.key = key

    def render(self, context):
        key = self.key.resolve(context) if self.key else None
        html = cache.get(key) if key else None
        if html is None:
            page = context.get("page")  # the page being shown: a term in its title is its subject
            html = explain_terms(self.nodelist.render(context), about=getattr(page, "title", ""))
            if key:
                cache.set(key, html, settings.PORTAL_CACHE_SECONDS)
        return mark_safe(html)  # noqa: S308 (our own rendered HTML)
