"""Dates and times in the admin's forms are typed in the browser's own date and time boxes.

Wagtail's date and time picker put today's date or the time of day in place of what it could not read when
the field was left ("gisteren", "12 uur"; "31 februari" became 3 maart 1900), and the form was saved with it
without a word. The browser's boxes take only a date or a time, and the server checks what comes.
"""

from django import forms
from django.db import models
from wagtail.admin.forms.models import register_form_field_override

register_form_field_override(
    models.DateField, override={"widget": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})}
)
register_form_field_override(
    models.TimeField, override={"widget": forms.TimeInput(format="%H:%M", attrs={"type": "time"})}
)
