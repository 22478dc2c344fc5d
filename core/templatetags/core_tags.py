"""Template filters every part of the site shares."""

from django import template

register = template.Library()


@register.filter
def tel(number) -> str:
    """A phone number for a tel: link, without spaces: "14 0599" → "140599" (digits and a leading plus)."""
    text = str(number or "").strip()
    digits = "".join(char for char in text if char.isdigit())
    return f"+{digits}" if text.startswith("+") else digits
