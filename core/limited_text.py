"""Text fields with a maximum length that the browser never enforces: a browser's maxlength cuts pasted text
off without a word (a consulent's verslag pasted into a note lost its end). The server says how much too long
it is, and the page keeps every word typed."""

from django import forms
from django.utils.translation import ngettext


class LimitedCharField(forms.CharField):
    """A text with a maximum length that the browser never enforces: pasted text is never cut off silently.

    The melding, the complaint form and the backoffice show how much room is left (static/js/char_count.js
    reads data-max-length); the server's message says how much too long it is (or `too_long(value)`, where the
    field's hint speaks of digits, not characters).
    """

    too_long = None  # (value) -> the message, for a field whose value is no text to shorten (a phone number)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if attrs.pop("maxlength", None) is not None:
            attrs["data-max-length"] = str(self.max_length)
        return attrs

    def to_python(self, value):
        # A browser sends each new line of a text box as two characters (CR LF); the page counts one.
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value

    def run_validators(self, value):
        if self.max_length is not None and value and len(value) > self.max_length:
            over = len(value) - self.max_length
            message = self.too_long(value) if self.too_long else too_long_message(over)
            raise forms.ValidationError(message, code="max_length")
        super().run_validators(value)


def too_long_message(over: int) -> str:
    return ngettext(
        "Dit is %(over)d teken te lang. Maak de tekst wat korter.",
        "Dit is %(over)d tekens te lang. Maak de tekst wat korter.",
        over,
    ) % {"over": over}
