"""ZGW APIs (Open Zaak): zaak, document (the melding's PDF), their link, initiator rol.

Every step first asks whether the object already exists (by `identificatie` = the melding's reference, or
by the zaak's URL) and stores each created URL in the job's `progress`, so a retry after a crash or a
timeout never creates a second zaak or document. A verwijzing's zaakobject is deleted by that URL once the
consulent took the verwijzing away.
"""

import base64
import time

import jwt
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy

from meldingen.delivery import http
from meldingen.delivery.errors import DeliveryFailed
from meldingen.delivery.kinds import register
from meldingen.delivery.kinds.base import DeliveryKind, HttpsURLFormField

CRS_HEADERS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}
ZAAKOBJECT = "zaakobject-"  # the progress of a verwijzing's zaakobject: "zaakobject-<pk of the Verwijzing>"


def client_token(client_id: str, secret: str, now: float | None = None) -> str:
    """The JWT the ZGW APIs expect: HS256, signed with the client's secret."""
    issued = int(now if now is not None else time.time())
    claims = {
        "iss": client_id,
        "iat": issued,
        "client_id": client_id,
        "user_id": "wmo-portaal",
        "user_representation": "Wmo-portaal",
    }
    return jwt.encode(claims, secret, algorithm="HS256")


class ZGWClient:
    def __init__(self, options: dict, client_secret: str, timeout: float, idempotency_key: str):
        self.options = options
        self.timeout = timeout
        self.headers = {
            "Authorization": f"Bearer {client_token(options['client_id'], client_secret)}",
            "Idempotency-Key": idempotency_key,
            **CRS_HEADERS,
        }

    def _url(self, api: str, resource: str) -> str:
        base = self.options["zaken_api_url" if api == "zaken" else "documenten_api_url"]
        return f"{base.rstrip('/')}/{resource}"

    def find(self, api: str, resource: str, **params) -> str | None:
        response = http.send(
            "GET", self._url(api, resource), params=params, headers=self.headers, timeout=self.timeout
        )
        data = http.json_of(response)
        results = data.get("results", data if isinstance(data, list) else [])
        return results[0]["url"] if results else None

    def create(self, api: str, resource: str, data: dict) -> str:
        response = http.send_json(
            "POST", self._url(api, resource), data, headers=self.headers, timeout=self.timeout
        )
        url = http.json_of(response).get("url")
        if not url:
            raise DeliveryFailed(f"HTTP {response.status_code}", f"{resource}: antwoord zonder url")
        return url

    def delete(self, url: str) -> None:
        try:
            http.send("DELETE", url, headers=self.headers, timeout=self.timeout)
        except DeliveryFailed as error:
            if error.result != "HTTP 404":  # gone already: what a retry after a lost answer finds
                raise


def _split_name(name: str) -> tuple[str, str]:
    words = (name or "").split()
    if len(words) < 2:
        return "", name or "onbekend"
    return words[0], " ".join(words[1:])


def deliver(job, timeout: float) -> str:
    options, melding = job.options, job.melding
    client = ZGWClient(options, job.target.secrets.get("client_secret", ""), timeout, melding.reference)
    progress = dict(job.progress or {})

    def step(name: str, produce):
        if not progress.get(name):
            progress[name] = produce()
            job.progress = progress
            job.save(update_fields=["progress"])
        return progress[name]

    today = timezone.localdate(melding.created_at).isoformat()
    zaak = step(
        "zaak",
        lambda: (
            client.find(
                "zaken", "zaken", identificatie=melding.reference, bronorganisatie=options["bronorganisatie"]
            )
            or client.create(
                "zaken",
                "zaken",
                {
                    "identificatie": melding.reference,
                    "bronorganisatie": options["bronorganisatie"],
                    "verantwoordelijkeOrganisatie": options["bronorganisatie"],
                    "zaaktype": options["zaaktype"],
                    "startdatum": today,
                    "registratiedatum": today,
                    "omschrijving": f"Wmo-melding {melding.reference}",
                    "vertrouwelijkheidaanduiding": "vertrouwelijk",
                },
            )
        ),
    )
    document = step(
        "document",
        lambda: (
            client.find(
                "documenten",
                "enkelvoudiginformatieobjecten",
                identificatie=melding.reference,
                bronorganisatie=options["bronorganisatie"],
            )
            or client.create(
                "documenten", "enkelvoudiginformatieobjecten", _document(options, melding, today)
            )
        ),
    )
    step(
        "zaakinformatieobject",
        lambda: (
            client.find("zaken", "zaakinformatieobjecten", zaak=zaak, informatieobject=document)
            or client.create(
                "zaken",
                "zaakinformatieobjecten",
                {"zaak": zaak, "informatieobject": document, "titel": f"Melding {melding.reference}"},
            )
        ),
    )
    voornamen, geslachtsnaam = _split_name(melding.resident_name)
    step(
        "rol",
        lambda: (
            client.find("zaken", "rollen", zaak=zaak, omschrijvingGeneriek="initiator")
            or client.create(
                "zaken",
                "rollen",
                {
                    "zaak": zaak,
                    "betrokkeneType": "natuurlijk_persoon",
                    "roltype": options["roltype_initiator"],
                    "roltoelichting": "Inwoner die de melding deed",
                    "betrokkeneIdentificatie": {"voornamen": voornamen, "geslachtsnaam": geslachtsnaam},
                },
            )
        ),
    )
    verwijzingen = list(melding.verwijzingen.all())  # the backoffice's Verwijzing rows
    _zaakobjecten(client, step, zaak, verwijzingen)
    _without_removed_zaakobjecten(client, progress, job, verwijzingen)
    return "zaak aangemaakt"


def _zaakobjecten(client, step, zaak: str, verwijzingen) -> None:
    """Each voorliggende voorziening the consulent discussed or referred to (recorded in the backoffice after
    the melding came in) becomes a zaakobject of type "overige" pointing at its page on the sociale kaart."""
    from django.conf import settings

    for verwijzing in verwijzingen:
        url = f"{settings.SITE_URL}{verwijzing.voorziening_url}"
        omschrijving = f"{verwijzing.get_soort_display()}: {verwijzing.voorziening_name}"
        step(
            f"{ZAAKOBJECT}{verwijzing.pk}",
            lambda url=url, omschrijving=omschrijving, thema=verwijzing.thema, wijk=verwijzing.wijk: (
                client.find(
                    "zaken", "zaakobjecten", zaak=zaak, object=url, relatieomschrijving=omschrijving[:80]
                )
                or client.create(
                    "zaken",
                    "zaakobjecten",
                    {
                        "zaak": zaak,
                        "object": url,
                        "objectType": "overige",
                        "objectTypeOverige": "voorliggende voorziening",
                        "relatieomschrijving": omschrijving[:80],
                        "objectIdentificatie": {"overigeData": {"thema": thema, "wijk": wijk}},
                    },
                )
            ),
        )


def _without_removed_zaakobjecten(client, progress: dict, job, verwijzingen) -> None:
    """A verwijzing the consulent took away (recorded by mistake) leaves the zaak too: its zaakobject, known
    by the URL its step stored, is deleted, and then forgotten."""
    recorded = {f"{ZAAKOBJECT}{verwijzing.pk}" for verwijzing in verwijzingen}
    for name in [name for name in progress if name.startswith(ZAAKOBJECT) and name not in recorded]:
        client.delete(progress[name])
        del progress[name]
        job.progress = progress
        job.save(update_fields=["progress"])


def _document(options, melding, today: str) -> dict:
    from meldingen.pdf import melding_pdf

    return {
        "identificatie": melding.reference,
        "bronorganisatie": options["bronorganisatie"],
        "creatiedatum": today,
        "titel": f"Melding {melding.reference}",
        "auteur": "Wmo-portaal",
        "taal": "dut",
        "bestandsnaam": f"melding-{melding.reference}.pdf",
        "formaat": "application/pdf",
        "inhoud": base64.b64encode(melding_pdf(melding)).decode(),
        "informatieobjecttype": options["informatieobjecttype"],
        "vertrouwelijkheidaanduiding": "vertrouwelijk",
        "status": "definitief",
    }


@register("zgw")
class ZGW(DeliveryKind):
    label = gettext_lazy("ZGW API's (Open Zaak)")
    heading = gettext_lazy("ZGW API's")
    order = 30
    option_fields = {
        "zaken_api_url": HttpsURLFormField(
            label=gettext_lazy("Zaken API"),
            required=False,
            help_text=gettext_lazy("Bijvoorbeeld https://openzaak.example/zaken/api/v1"),
        ),
        "documenten_api_url": HttpsURLFormField(label=gettext_lazy("Documenten API"), required=False),
        "client_id": forms.CharField(label=gettext_lazy("Client-id"), required=False, max_length=100),
        "zaaktype": HttpsURLFormField(label=gettext_lazy("Zaaktype"), required=False),
        "informatieobjecttype": HttpsURLFormField(label=gettext_lazy("Informatieobjecttype"), required=False),
        "roltype_initiator": HttpsURLFormField(label=gettext_lazy("Roltype initiator"), required=False),
        "bronorganisatie": forms.CharField(
            label=gettext_lazy("RSIN van de gemeente"), required=False, max_length=9
        ),
    }
    secret_fields = {
        "client_secret": forms.CharField(label=gettext_lazy("Client-secret"), required=False, max_length=200),
    }
    required = (
        "zaken_api_url",
        "documenten_api_url",
        "client_id",
        "client_secret",
        "zaaktype",
        "informatieobjecttype",
        "roltype_initiator",
        "bronorganisatie",
    )
    address_options = ("zaken_api_url", "documenten_api_url")
    requests_per_attempt = 8  # finds and creates (two for each verwijzing, one for each taken away)
    takes_additions = True  # the verwijzingen of the gesprek become zaakobjecten

    def carries_answers(self, options: dict) -> bool:
        return True  # the zaak holds the melding's PDF and the resident's name

    def deliver(self, job) -> str:
        return deliver(job, self.timeout(job.target))
