"""The melding's question pages: a named-URL wizard whose answers live encrypted in the session."""

import functools
import hashlib
import itertools
import logging
import secrets
from dataclasses import astuple

from django.forms.utils import ErrorDict
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from formtools.wizard.views import NamedUrlSessionWizardView

from . import confirmation, drafts, forms, ratelimit, step_guard
from .address import FOUND, AddressResult, lookup_address
from .answers import SOORT_CODES, VOOR_WIE_CODES, Answers, answer_key
from .backoffice.signalen import sender_details
from .dates import contact_working_days
from .steps import CARRIED_OVER, CHECK_STEP, STEP_BY_SLUG, answers_as_typed, answers_from_forms, carried_over
from .steps import STEPS as STEP_LIST
from .storage import store_melding
from .summary import sections_with_steps, typed_but_not_sent
from .tasks import queue_confirmation_email
from .wizard_storage import serialise

logger = logging.getLogger(__name__)

STEPS = [(step.slug, step.form) for step in STEP_LIST]  # formtools' form list
WIZARD_PREFIX = "melding_wizard"
SESSION_KEY = f"wizard_{WIZARD_PREFIX}"
# The step whose page shows its errors, once: the page it redirects to after a POST with errors.
SHOW_ERRORS = "show_errors"
LOOKED_UP = "address_looked_up"  # what "Zoek adres" found, for the page it redirects to
# The check page carries a digest of the answers it showed (SEEN_FIELD): sent after they changed (in another
# tab), it comes back with the new answers and says so (ANSWERS_CHANGED), instead of sending unseen answers.
SEEN_FIELD = "gezien"
ANSWERS_CHANGED = "answers_changed"
# This melding's name in what static/js/concept.js keeps in the browser's tab of the pages not yet sent.
CONCEPT = "concept"


def typed_so_far(wizard) -> Answers:
    """The answers as typed so far, unvalidated (conditions must not recurse); kept until a step changes."""
    if "_typed_so_far" not in wizard.__dict__:
        wizard._typed_so_far = answers_as_typed(wizard.storage.data.get(wizard.storage.step_data_key))
    return wizard._typed_so_far


@functools.cache
def step_range(voor_wie: str | None, soort: str | None) -> tuple[int, int]:
    """The fewest and the most steps a melding has, as far as who it is for and which kind (each None while
    not chosen) tell: "Stap 1" alone did not say how long it would take (a walk at 74)."""
    totals = set()
    for each_voor_wie, each_soort in itertools.product(
        [voor_wie] if voor_wie else sorted(VOOR_WIE_CODES), [soort] if soort else sorted(SOORT_CODES)
    ):
        path = Answers.from_dict(
            {answer_key("voor-wie"): {"voor_wie": each_voor_wie}, answer_key("keuze"): {"soort": each_soort}}
        )
        totals.add(sum(1 for step in STEP_LIST if step.applies_to(path)))
    return min(totals), max(totals)


def condition_for(step):
    """formtools asks a condition with the wizard; the step's condition reads the answers so far."""

    def applies(wizard) -> bool:
        return step.applies_to(typed_so_far(wizard))

    return applies


def check_part_id(step: str) -> str:
    """The id of a step's part on the check page: "controleren-gegevens"."""
    return f"{CHECK_STEP}-{step}"


class MeldingWizard(NamedUrlSessionWizardView):
    form_list = STEPS
    condition_dict = {step.slug: condition_for(step) for step in STEP_LIST if step.applies is not None}
    storage_name = "meldingen.wizard_storage.EncryptedSessionStorage"

    def get_prefix(self, request, *args, **kwargs):
        return WIZARD_PREFIX

    def get_template_names(self):
        step = STEP_BY_SLUG.get(self.steps.current)
        return [step.template, "meldingen/step.html"] if step else ["meldingen/step.html"]

    def get_form_kwargs(self, step=None):
        return {"answers": typed_so_far(self)}

    def get_form_initial(self, step):
        """The short and the long melding each ask what it is about, on pages of their own: after a switch
        with "Wijzig", the other route's page starts with what was chosen and written (see CARRIED_OVER). The
        page that asks where the confirmation goes starts with the address a saved draft's link went to."""
        initial = super().get_form_initial(step)
        if self.storage.get_step_data(step):
            return initial
        typed = typed_so_far(self)
        if step in CARRIED_OVER:
            initial = {**initial, **carried_over(step, typed)}
        saved_email = self.storage.extra_data.get(drafts.SAVED_EMAIL)
        if saved_email and step == typed.writer_step:
            initial = {**initial, "email": saved_email}
        if step == "melder" and typed.by_professional:
            initial = {**sender_details(self.request.user), **initial}
        return initial

    # --- GET ---------------------------------------------------------------------------------------------

    def get(self, request, *args, **kwargs):
        step = kwargs.get("step")
        if "reset" in request.GET:
            self.storage.reset()
            # A new melding: what static/js/concept.js keeps of its pages goes under a name of its own, so
            # nothing typed for an earlier one (perhaps about another person) fills it.
            self.storage.extra_data[CONCEPT] = secrets.token_hex(4)
            # Where the user goes now, stored with the reset: the first page then writes nothing.
            self.storage.current_step = self.steps.first
            confirmation.forget(request)
            return redirect(self.get_step_url(self.steps.first))
        if sent := self.sent_elsewhere():
            return drafts.render_sent(request, sent)
        form_list = self.get_form_list()
        if step == self.done_step_name:
            return redirect(self.get_step_url(CHECK_STEP))
        if not self.storage.has_answers:
            sent = confirmation.confirmed_melding(request)
            if sent:  # back after the confirmation, or a reload: say it was sent
                return drafts.render_sent(request, sent)
            # Any later page, also one of the other route (a walk: "situatie" after the browser closed went
            # to step 1 without a word of why).
            if step != self.steps.first and step in STEP_BY_SLUG:
                return self.render_expired()
        if step not in form_list:
            # A step that does not apply to these answers (or does not exist): go where the user was.
            return redirect(self.get_step_url(self.storage.current_step or self.steps.first))
        if request.GET.get("terug") == CHECK_STEP:
            self.storage.extra_data["return_to_check"] = step  # the part whose "Wijzig" was followed
        if step == CHECK_STEP:
            if unfinished := self.first_unfinished_step():
                return self.redirect_to_unfinished(unfinished)
            self.storage.extra_data.pop("return_to_check", None)
            self.storage.extra_data.setdefault("submission_token", secrets.token_urlsafe(24))
        self.storage.current_step = step
        form = self.get_form(data=self.storage.current_step_data)
        if self.storage.extra_data.pop(SHOW_ERRORS, None) != step:
            form._errors = ErrorDict()  # coming back to a page shows what was typed, not old errors
        if step == "gegevens" and (kept := self.storage.extra_data.pop(LOOKED_UP, None)):
            result = AddressResult(*kept)
            message = forms.address_message(result, typed_so_far(self).voor_wie)
            return self.render(form, address_result=result, address_message=message)
        return self.render(form)

    # --- POST --------------------------------------------------------------------------------------------

    def post(self, *args, **kwargs):
        step = kwargs.get("step")
        if sent := self.sent_elsewhere():
            return drafts.render_sent(self.request, sent)
        form_list = self.get_form_list()
        if not self.storage.has_answers and step != self.steps.first:
            if confirmation.confirmed_melding(self.request):
                return redirect("meldingen:bevestiging")  # a second click on "Verstuur"
            return self.render_expired()
        if step not in form_list:
            return redirect(self.get_step_url(self.storage.current_step or self.steps.first))
        data = self.guarded_post(step)
        if not isinstance(data, QueryDict):
            return data  # refused: nothing is stored
        self.storage.current_step = step
        if "opslaan" in data:
            self.keep_typed(step, data)
            return redirect("meldingen:opslaan")
        goto = data.get("wizard_goto_step")
        if goto:
            self.keep_typed(step, data)
            if goto in form_list:
                return self.render_goto_step(goto)
        if step == "gegevens":
            found = self.fill_in_address(data)
            if "zoek_adres" in data:
                return self.redirect_after_lookup(data, found)
        form = self.get_form(step=step, data=data)
        if not form.is_valid():
            return self.redirect_with_errors(step, form.data)  # as the form left it (an old street taken out)
        self.storage.set_step_data(step, self.process_step(form))
        # The token that makes a double "Verstuur" one melding. Made while the session is written anyway, so
        # showing the check page writes nothing (it still makes one for answers from a saved draft).
        self.storage.extra_data.setdefault("submission_token", secrets.token_urlsafe(24))
        self.clear_caches()
        if step == self.steps.last:
            return self.render_done(form, **kwargs)
        changed = self.storage.extra_data.get("return_to_check")
        next_step = self.step_after(step)
        # Where the user is now; stored here so the GET that follows changes nothing and writes nothing.
        self.storage.current_step = next_step
        # Back on the check page at the part whose "Wijzig" was followed (also after the pages a change
        # brought): a keyboard walk landed at its top, and tabbed past every "Wijzig" again.
        anchor = f"#{check_part_id(changed if isinstance(changed, str) else step)}" if changed else ""
        return redirect(self.get_step_url(next_step) + (anchor if next_step == CHECK_STEP else ""))

    def guarded_post(self, step):
        """The step's own fields from the POST, or the answer that refuses it (see step_guard)."""
        if not step_guard.within_step_limit(self.request):
            return render(self.request, "meldingen/te_vaak.html", status=429)
        if step_guard.too_much(self.request.POST):
            return render(self.request, "meldingen/geweigerd.html", status=400)
        return step_guard.own_fields(self.request.POST, self.get_form(step=step), f"{WIZARD_PREFIX}-")

    def redirect_with_errors(self, step, data):
        """A page with errors is the answer to a GET too, so the browser's back button and a reload never ask
        to send the form again: what was typed is stored, and the page it redirects to shows the errors."""
        self.keep_typed(step, data)
        self.storage.extra_data[SHOW_ERRORS] = step
        return redirect(self.get_step_url(step))

    def redirect_to_unfinished(self, step):
        """The check page shows every answer: a page without a valid one comes first, with its errors when
        it was left with them (never silently one section less)."""
        if self.storage.get_step_data(step):
            self.storage.extra_data[SHOW_ERRORS] = step
        self.storage.current_step = step
        return redirect(self.get_step_url(step))

    def keep_typed(self, step, data):
        """Store the page as typed, valid or not, so going back or saving never loses it."""
        self.storage.set_step_data(step, data)
        self.clear_caches()

    def clear_caches(self):
        for name in ("_resolved_form_list", "_cache_signature", "_typed_so_far", "_valid_forms"):
            self.__dict__.pop(name, None)
        for name in [name for name in self.__dict__ if name.startswith("_cleaned_data_cache_")]:
            delattr(self, name)

    def step_after(self, step):
        """The next step; after a "Wijzig" back to the check page, unless a new question now applies."""
        if not self.storage.extra_data.get("return_to_check"):
            return self.get_next_step(step)
        return self.first_unfinished_step() or CHECK_STEP

    def valid_forms(self) -> dict:
        """The pages before the check page whose stored answers are valid, by slug, in order."""
        if "_valid_forms" not in self.__dict__:
            self._valid_forms = {}
            for key in self.get_form_list():
                if key == CHECK_STEP:
                    continue
                step_form = self.get_form(step=key, data=self.storage.get_step_data(key))
                if step_form.is_valid():
                    self._valid_forms[key] = step_form
        return self._valid_forms

    def first_unfinished_step(self):
        """The first page before the check page without a valid answer: one left with errors, or a question
        that applies since an answer changed."""
        valid = self.valid_forms()
        return next((key for key in self.get_form_list() if key != CHECK_STEP and key not in valid), None)

    # --- address -----------------------------------------------------------------------------------------

    def fill_in_address(self, data):
        """Fill in street and town from postcode + house number; what the user typed there wins."""
        prefix = "gegevens-"
        result = lookup_address(
            data.get(prefix + "postcode", ""),
            data.get(prefix + "huisnummer", ""),
            data.get(prefix + "toevoeging", ""),
        )
        if result.status == FOUND:
            explicit = "zoek_adres" in data
            for field, value in (("straat", result.street), ("woonplaats", result.town)):
                if explicit or not data.get("gegevens-" + field, "").strip():
                    data["gegevens-" + field] = value
        return result

    def redirect_after_lookup(self, data, result):
        """Without JavaScript, "Zoek adres" posts the page: the page as typed, with the address found, is then
        the answer to a GET, as a page with errors is (the browser's Back after it showed "Formulier opnieuw
        verzenden?")."""
        self.keep_typed("gegevens", data)
        # What the lookup found, for the page after the redirect: looked up again, it could say otherwise (an
        # answer "lukt nu niet" is not remembered), and the resident would wait for it twice.
        self.storage.extra_data[LOOKED_UP] = list(astuple(result))
        # To the address: on a phone what the lookup found stood a screen below the page's top.
        return redirect(self.get_step_url("gegevens") + "#adres")

    # --- done --------------------------------------------------------------------------------------------

    def render_done(self, form, **kwargs):
        """Every step validated again, as formtools does; the last one's `form` was validated just now, on
        the data stored for it."""
        final_forms = {}
        for key in self.get_form_list():
            if key == self.steps.last:
                step_form = form
            else:
                step_form = self.get_form(step=key, data=self.storage.get_step_data(key))
            if not step_form.is_valid():
                return self.render_revalidation_failure(key, step_form, **kwargs)
            final_forms[key] = step_form
        if self.request.POST.get(SEEN_FIELD) != self.answers_digest():
            self.storage.extra_data[ANSWERS_CHANGED] = True
            return redirect(self.get_step_url(CHECK_STEP))
        return self.done(list(final_forms.values()), form_dict=final_forms, **kwargs)

    def render_revalidation_failure(self, failed_step, form, **kwargs):
        """An earlier page no longer valid (a saved draft from before a rule changed) says why, as the check
        page's own guard does."""
        return self.redirect_to_unfinished(failed_step)

    def done(self, form_list, form_dict=None, **kwargs):
        if form_dict[CHECK_STEP].cleaned_data.get("website"):
            return render(self.request, "meldingen/geweigerd.html", status=400)
        token = self.storage.extra_data.setdefault("submission_token", secrets.token_urlsafe(24))
        if not ratelimit.hit_once(self.request, "submit", token):
            return render(self.request, "meldingen/te_vaak.html", status=429)
        answers = answers_from_forms(form_dict)
        draft_key = self.storage.extra_data.get(drafts.DRAFT_KEY)
        try:
            melding, stored_now = store_melding(answers, submission_token=token, draft_key=draft_key)
        except drafts.AlreadySent as sent:  # from the same draft, on another device or in another tab
            self.storage.reset()
            return drafts.render_sent(self.request, sent.melding)
        except Exception as exc:  # noqa: BLE001 - whatever failed, the user keeps the answers and may retry
            logger.error("Storing a melding failed: %s", type(exc).__name__)
            context = {"seen": (SEEN_FIELD, self.answers_digest())}
            return render(self.request, "meldingen/opslaan_mislukt.html", context, status=503)
        drafts.mark_sent(draft_key)
        confirmation.remember(self.request, melding)
        self.storage.reset()
        if stored_now:  # a second "Verstuur" that overtook the first one's answer sends no second e-mail
            queue_confirmation_email(melding)
        return redirect("meldingen:bevestiging")

    def sent_elsewhere(self):
        """The melding of this session's saved draft when it was sent from another device or tab; the
        answers then leave this browser. A walk: a work laptop went on showing a father's health answers,
        page after page, after his daughter had sent the melding on her phone."""
        melding = drafts.sent_melding(self.storage.extra_data.get(drafts.DRAFT_KEY))
        if melding:
            self.storage.reset()
        return melding

    # --- rendering ---------------------------------------------------------------------------------------

    def render_expired(self):
        return render(self.request, "meldingen/sessie_verlopen.html", status=200)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        steps = list(self.get_form_list())
        current = self.steps.current
        index = steps.index(current) if current in steps else 0
        # Back (the link, and the page submitted as typed by melding.js) goes where the user came from: the
        # check page after its "Wijzig", else the step before.
        if self.storage.extra_data.get("return_to_check") and current != CHECK_STEP:
            previous_step = CHECK_STEP
        else:
            previous_step = steps[index - 1] if index else ""
        back_url = self.get_step_url(previous_step) if previous_step else reverse("meldingen:start")
        typed = typed_so_far(self)
        # The total counts the steps on this person's path once it is known (who it is for, short or long);
        # before, the fewest and the most it may be, so it never jumps (5, 6, 9) while the first questions are
        # answered.
        chosen_for = typed.step("voor-wie").text("voor_wie")
        chosen_soort = typed.step("keuze").text("soort")
        context.update(
            step_name=current,
            step_number=index + 1,
            step_total=len(steps) if typed.path_known else None,
            step_range=step_range(
                chosen_for if chosen_for in VOOR_WIE_CODES else None,
                chosen_soort if chosen_soort in SOORT_CODES else None,
            ),
            persoon=forms.person_words(typed.voor_wie)["persoon"],
            step_title=form.title,
            back_url=back_url,
            previous_step=previous_step,
            for_someone_else=typed_so_far(self).for_someone_else,
            # Also per answer to "voor wie": typed for herself, it does not fill the pages about someone else.
            concept=f"melding:{self.storage.extra_data.get(CONCEPT, '')}-{typed.voor_wie}:{current}",
        )
        if current == CHECK_STEP:
            answers = self.current_answers()
            context["sections"] = [
                {
                    "title": title,
                    "rows": rows,
                    "id": check_part_id(step),
                    "change_url": self.get_step_url(step) + f"?terug={CHECK_STEP}",
                    "to_writer": STEP_BY_SLUG[step].to_writer,
                    "writer_labels": STEP_BY_SLUG[step].writer_labels(answers),
                }
                for title, rows, step in sections_with_steps(answers, keep_empty=True)
            ]
            context["spoed"] = answers.spoed
            # The carer's own wellbeing is his, not the person's: the privacy part says what it is used for.
            context["carer_wrote_about_himself"] = bool(answers.hoe_gaat_het)
            context["not_sent"] = typed_but_not_sent(typed)
            context["keuze_url"] = self.get_step_url("keuze") + f"?terug={CHECK_STEP}"
            context["seen"] = (SEEN_FIELD, self.answers_digest())
            context["answers_changed"] = self.storage.extra_data.pop(ANSWERS_CHANGED, False)
        if current == "spoed":
            context["spoed_chosen"] = typed_so_far(self).spoed
            context["spoed_days"] = contact_working_days(spoed=True)
        return context

    def current_answers(self) -> Answers:
        return answers_from_forms(self.valid_forms())

    def answers_digest(self) -> str:
        """The answers of every page before the check page, as stored, in a short digest: a page's own fields
        only (its CSRF token, stored with it, differs on every send of an unchanged page)."""
        step_data = self.storage.data.get(self.storage.step_data_key) or {}
        answered = {
            step: {name: value for name, value in (data or {}).items() if name.startswith(f"{step}-")}
            for step, data in step_data.items()
            if step != CHECK_STEP
        }
        return hashlib.sha256(serialise(answered).encode()).hexdigest()


def answers_from_session(wizard_data: dict | None) -> Answers:
    """The answers as typed so far, from the wizard's data in the session (or a draft)."""
    return answers_as_typed((wizard_data or {}).get("step_data"))
